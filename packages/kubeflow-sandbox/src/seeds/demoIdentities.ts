/** A demo person (matches the portal's demo users). */
export interface DemoUser {
  email: string;
  displayName: string;
  /** Profiles this user owns. */
  owns: string[];
}

/** A contributor binding of a demo profile. */
export interface DemoContributor {
  user: string;
  role: 'edit' | 'view';
}

/** A demo profile: namespace name, owner and contributors. */
export interface DemoProfile {
  name: string;
  owner: string;
  contributors: DemoContributor[];
  description: string;
}

/** The demo users. Keep these e-mails: the portal's demo sign-in uses them. */
export const DEMO_USERS: DemoUser[] = [
  {
    email: 'alice@example.com',
    displayName: 'Alice Anders',
    owns: ['team-vision'],
  },
  { email: 'bob@example.com', displayName: 'Bob Brenner', owns: ['team-nlp'] },
  {
    email: 'carol@example.com',
    displayName: 'Carol Chen',
    owns: ['team-forecasting'],
  },
  { email: 'dave@example.com', displayName: 'Dave Dimitrov', owns: [] },
  { email: 'erin@example.com', displayName: 'Erin Evans', owns: [] },
  { email: 'guest@example.com', displayName: 'Guest User', owns: [] },
];

/** The demo profiles with their owners and contributors. */
export const DEMO_PROFILES: DemoProfile[] = [
  {
    name: 'team-vision',
    owner: 'alice@example.com',
    description: 'Computer vision: image classification and defect detection',
    contributors: [
      { user: 'dave@example.com', role: 'edit' },
      { user: 'erin@example.com', role: 'view' },
      { user: 'guest@example.com', role: 'edit' },
    ],
  },
  {
    name: 'team-nlp',
    owner: 'bob@example.com',
    description: 'Language models: sentiment, ticket routing',
    contributors: [
      { user: 'erin@example.com', role: 'edit' },
      { user: 'guest@example.com', role: 'view' },
    ],
  },
  {
    name: 'team-forecasting',
    owner: 'carol@example.com',
    description: 'Demand and capacity forecasting',
    contributors: [{ user: 'dave@example.com', role: 'view' }],
  },
];
