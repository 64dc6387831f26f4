/**
 * The Firefox build's browser_specific_settings. Firefox requires an id for MV3 add-ons (it is
 * also the id AMO signs). 140 (an ESR) is the oldest Firefox that knows every manifest key and
 * API the extension uses: data_collection_permissions (140), optional_host_permissions (128),
 * storage.session (115), MV3 background event pages (109), scripting and 'wasm-unsafe-eval'
 * (102); web-ext lint checks the manifest's keys and permissions against it (tests/e2e/firefox/).
 */
export const FIREFOX_SETTINGS = {
  gecko: {
    id: 'fashion-lens@fashion-lens.dev',
    strict_min_version: '140.0',
    // Nothing is collected or sent anywhere: classification runs on the device.
    data_collection_permissions: { required: ['none'] },
  },
} as const;
