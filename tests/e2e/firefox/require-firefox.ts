// Runs before each Firefox e2e file: without Firefox the file fails at once with the sentence that
// says how to install it (the other tests still run and report; the run fails at the end).
import { requireFirefox } from '../../../harness/launch-firefox-extension.js';

requireFirefox();
