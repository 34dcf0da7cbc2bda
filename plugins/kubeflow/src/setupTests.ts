import '@testing-library/jest-dom';
import { configure } from '@testing-library/react';

// The test command runs suites in parallel on two cores: give findBy* queries time to settle.
configure({ asyncUtilTimeout: 5_000 });

// jsdom does no SVG layout; the dependency graph measures its nodes with getBBox.
if (!(window.SVGElement.prototype as any).getBBox) {
  (window.SVGElement.prototype as any).getBBox = () => ({
    x: 0,
    y: 0,
    width: 120,
    height: 44,
  });
}

// Whole tests get time too: a page renders several cards, each waiting for its data.
jest.setTimeout(30_000);
