/**
 * @module cli/fill
 * The one placeholder rule of the CLI's message tables: `{name}` is replaced by `values[name]`; a
 * placeholder without a value stays as written, so a missing value shows instead of vanishing.
 */
export function fill(template: string, values: Readonly<Record<string, string | number>> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}
