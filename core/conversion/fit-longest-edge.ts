/** Step 3's target size: a width x height image scaled so its longest edge is `target`, keeping the aspect ratio (the shorter edge rounded, at least 1). */
export function fitLongestEdge(width: number, height: number, target: number): { width: number; height: number } {
  const scale = target / Math.max(width, height);
  return {
    width: width >= height ? target : Math.max(1, Math.round(width * scale)),
    height: height > width ? target : Math.max(1, Math.round(height * scale)),
  };
}
