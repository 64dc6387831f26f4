import { describe, expect, it } from 'vitest';
import { cpuHasNativeBf16, defaultPrecision } from '../../../../../pipeline/train/graph/precision.js';

const cpuinfo = (flags: string) => `processor\t: 0\nvendor_id\t: AuthenticAMD\nflags\t\t: fpu vme sse2 avx2 ${flags}\nbogomips\t: 4800\n`;

describe('the default precision', () => {
  it('is bf16 where the CPU has AVX512-BF16 or AMX-BF16, fp32 elsewhere', () => {
    expect(cpuHasNativeBf16(cpuinfo('avx512f avx512_bf16'))).toBe(true);
    expect(cpuHasNativeBf16(cpuinfo('amx_tile amx_bf16 amx_int8'))).toBe(true);
    expect(cpuHasNativeBf16(cpuinfo('avx512f avx512_vnni'))).toBe(false);
    expect(cpuHasNativeBf16('')).toBe(false);
    expect(defaultPrecision(() => cpuinfo('avx512_bf16'))).toMatchObject({ precision: 'bf16', why: expect.stringMatching(/natively/) });
    expect(defaultPrecision(() => cpuinfo('avx2'))).toMatchObject({ precision: 'fp32', why: expect.stringMatching(/no native bfloat16/) });
  });

  it('is fp32 when the CPU cannot be read, and says so', () => {
    const unreadable = () => {
      throw new Error('ENOENT');
    };
    expect(defaultPrecision(unreadable)).toEqual({ precision: 'fp32', why: 'the CPU could not be identified (no /proc/cpuinfo)' });
  });
});
