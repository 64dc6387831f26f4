/**
 * Shortens text that comes from outside (a server's reason phrase or headers, a page's address,
 * a browser error) to at most `max` characters, ending a cut one with "…", so that nothing a
 * server sends can fill the storage quota or the badge's tooltip. Pure.
 */
export function capText(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
