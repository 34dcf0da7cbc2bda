export interface Config {
  auth?: {
    providers?: {
      guest?: {
        /**
         * Shown to the app (a flag, not a credential) so the sign-in page leaves out a guest the
         * backend would refuse, as the production overlay's `false` does.
         * @visibility frontend
         */
        dangerouslyAllowOutsideDevelopment?: boolean;
      };
    };
  };
}
