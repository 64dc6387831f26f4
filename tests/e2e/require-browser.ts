// Runs before each e2e file: without Chromium the file fails at once with the sentence that says
// how to install it (the unit tests still run and report; the run fails at the end).
import { requireChromium } from '../../harness/launch-extension.js';

requireChromium();
