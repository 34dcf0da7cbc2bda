import '@testing-library/jest-dom';
import { configure } from '@testing-library/react';

// The test command runs suites in parallel on two cores: give findBy* queries time to settle.
configure({ asyncUtilTimeout: 5_000 });
