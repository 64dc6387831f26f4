/** Anything thrown, as text: an Error's message, or the thrown value itself. */
export const errorText = (error: unknown): string => String((error as Error | undefined)?.message ?? error);
