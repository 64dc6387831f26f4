// The one place that reads Chrome's own error texts. Chrome reports these failures only as
// messages, so they are recognised by their wording here, and nowhere else (tested against the
// wordings Chrome 156 gives in tests/unit/extension/lib/chrome-error-texts.test.ts).

import { errorText } from './error-text';

/**
 * A runtime message that nobody answered: no listener (the offscreen document is gone or has not
 * registered its listener yet), or the listener's page closed after taking it ("A listener
 * indicated an asynchronous response by returning true, but the message channel closed before a
 * response was received").
 */
const CLASSIFIER_GONE = /receiving end does not exist|could not establish connection|message channel (?:is )?closed|message port closed/i;

/** scripting.executeScript refused because the tab is one Chrome keeps extensions out of (chrome://, the Web Store, another extension). */
const PAGE_CLOSED_TO_EXTENSIONS = /cannot be scripted|cannot access|chrome:\/\/|extensions gallery|permission/i;

/** offscreen.createDocument refused because the extension's one offscreen document already exists (another caller created it first). */
const OFFSCREEN_EXISTS = /single offscreen document/i;

export const isClassifierGone = (error: unknown): boolean => CLASSIFIER_GONE.test(errorText(error));

export const isPageClosedToExtensions = (error: unknown): boolean => PAGE_CLOSED_TO_EXTENSIONS.test(errorText(error));

export const isOffscreenAlreadyOpen = (error: unknown): boolean => OFFSCREEN_EXISTS.test(errorText(error));
