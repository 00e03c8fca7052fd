/**
 * Synthetic curricula for benchmarks: deterministic (seeded), acyclic by construction
 * (a skill only requires skills authored before it).
 */
import { seededRandom } from '../src/core/random.js';

export interface SyntheticNode {
  id: string;
  requires: { skill: string }[];
}

/** `skills` nodes and about `edges` prerequisite edges, each to one of the previous `window` skills. */
export function syntheticGraph(skills: number, edges: number, seed = 42, window = 200): SyntheticNode[] {
  const random = seededRandom(seed);
  const nodes: SyntheticNode[] = Array.from({ length: skills }, (_, i) => ({ id: `skill-${i}`, requires: [] }));
  const perNode = edges / skills;
  for (let i = 1; i < skills; i++) {
    const count = Math.floor(perNode) + (random() < perNode % 1 ? 1 : 0);
    const seen = new Set<number>();
    const want = Math.min(count, Math.min(i, window));
    while (seen.size < want) {
      const j = i - 1 - Math.floor(random() * Math.min(i, window));
      if (seen.has(j)) continue;
      seen.add(j);
      nodes[i]?.requires.push({ skill: `skill-${j}` });
    }
  }
  return nodes;
}

/** A synthetic curriculum as YAML text in mlpath's format (one file), with resources teaching the skills. */
export function syntheticCurriculumYaml(skills: number, edges: number, seed = 7): string {
  const nodes = syntheticGraph(skills, edges, seed, 50);
  const lines: string[] = [
    'curriculum:',
    '  id: synthetic',
    '  version: 1.0.0',
    '  locales: [en, zh-CN]',
    '  title: { en: Synthetic, zh-CN: 合成 }',
    'skills:',
  ];
  for (const n of nodes) {
    lines.push(`  - id: ${n.id}`, '    area: ml', `    title: { en: Skill ${n.id}, zh-CN: 技能 ${n.id} }`);
    if (n.requires.length > 0) {
      lines.push('    requires:');
      for (const r of n.requires)
        lines.push(`      - skill: ${r.skill}`, `        reason: { en: needed, zh-CN: 需要 }`);
    }
  }
  lines.push('resources:');
  for (let i = 0; i < skills; i += 10) {
    lines.push(
      `  - id: resource-${i}`,
      `    title: Resource ${i}`,
      `    url: https://example.org/r/${i}`,
      '    kind: course',
      '    cost: free',
      '    style: structured',
      `    effort: { hours: ${10 + (i % 7)}, source: https://example.org/r/${i}/syllabus }`,
      `    teaches: [${nodes
        .slice(i, i + 10)
        .map((n) => n.id)
        .join(', ')}]`,
    );
  }
  return `${lines.join('\n')}\n`;
}
