/**
 * @module decimal
 * Numbers as people type them at a prompt or in a flag: plain decimal notation only (`12`, `7.5`,
 * `.5`, `-1`). `Number()` also reads `0x10` as 16, `0b101` as 5 and `1e1` as 10, which in an hours
 * field are typos, not numbers; `log` never took them and neither does anything else now.
 */

const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/;

/** The number a text writes in decimal notation (surrounding spaces allowed), else undefined. */
export function parseDecimal(text: string): number | undefined {
  const s = text.trim();
  return DECIMAL.test(s) ? Number(s) : undefined;
}
