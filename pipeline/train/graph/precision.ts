import { readFileSync } from 'node:fs';

/** The graph engine's compute precision: float32, or bfloat16 with float32 weights and loss (Keras' mixed_bfloat16). */
export type Precision = 'fp32' | 'bf16';
export const PRECISIONS: readonly Precision[] = ['fp32', 'bf16'];

/** True when /proc/cpuinfo's flags name a native bfloat16 unit: AVX512-BF16 or AMX-BF16. Pure. */
export function cpuHasNativeBf16(cpuinfo: string): boolean {
  const flags = /^flags\s*:(.*)$/m.exec(cpuinfo)?.[1]?.split(/\s+/) ?? [];
  return flags.includes('avx512_bf16') || flags.includes('amx_bf16');
}

/** The default precision and why, for the log: bf16 where the CPU computes it natively, fp32 elsewhere. */
export function defaultPrecision(readCpuinfo: () => string = () => readFileSync('/proc/cpuinfo', 'utf8')): { precision: Precision; why: string } {
  let cpuinfo = '';
  try {
    cpuinfo = readCpuinfo();
  } catch {
    return { precision: 'fp32', why: 'the CPU could not be identified (no /proc/cpuinfo)' };
  }
  return cpuHasNativeBf16(cpuinfo)
    ? { precision: 'bf16', why: 'this CPU computes bfloat16 natively (AVX512-BF16 or AMX)' }
    : { precision: 'fp32', why: 'this CPU has no native bfloat16 (neither AVX512-BF16 nor AMX)' };
}
