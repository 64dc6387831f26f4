// The part of Mozilla's addons-linter (a dependency of web-ext) that check-firefox-permissions.ts uses; it ships no types.
declare module 'addons-linter' {
  /** One finding: its code (e.g. MANIFEST_PERMISSIONS), a sentence, and where. */
  export interface LinterMessage {
    code: string;
    message: string;
    description?: string | string[];
    file?: string;
  }
  export interface LinterReport {
    errors: LinterMessage[];
    warnings: LinterMessage[];
    notices: LinterMessage[];
  }
  const linter: {
    createInstance(options: { config: Record<string, unknown>; runAsBinary: boolean }): { run(): Promise<LinterReport> };
  };
  export default linter;
}
