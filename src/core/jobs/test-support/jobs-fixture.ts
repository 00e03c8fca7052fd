/**
 * A small curriculum with a vocabulary and three roles, including skills of the 2026 curriculum
 * (kubernetes, vector-databases, llm-agents), for the job-posting analysis tests.
 */
import type { Curriculum } from '../../model.js';
import { fixture } from '../../planner/test-support/fixtures.js';

export function jobsCurriculum(): Curriculum {
  const base = fixture({
    skills: {
      python: [],
      'python-idiomatic': ['python'],
      sql: [],
      pytorch: ['python'],
      kubernetes: [],
      'vector-databases': [],
      'llm-agents': ['python'],
      statistics: [],
      'model-deployment': ['python'],
      untaught: [],
    },
    resources: {
      course: { hours: 10, teaches: ['python', 'python-idiomatic', 'sql', 'pytorch', 'statistics'] },
      ops: { hours: 10, teaches: ['kubernetes', 'model-deployment'] },
      llm: { hours: 10, teaches: ['vector-databases', 'llm-agents'] },
    },
    roles: {
      'ml-engineer': { pytorch: 3, 'model-deployment': 3, python: 2 },
      'ai-engineer': { 'llm-agents': 3, 'vector-databases': 3, python: 2 },
      'data-scientist': { statistics: 3, sql: 3, python: 2 },
    },
  });
  return {
    ...base,
    roles: base.roles.map((r) => ({ ...r, market: r.weights, evidence: 'test postings' })),
    vocabulary: {
      skills: {
        python: { en: ['Python', 'strong Python'], 'zh-CN': ['精通 Python'] },
        'python-idiomatic': { en: ['strong Python', 'asyncio'], 'zh-CN': ['精通 Python'] },
        sql: { en: ['SQL', 'database'], 'zh-CN': ['数据库'] },
        pytorch: { en: ['PyTorch'] },
        kubernetes: { en: ['Kubernetes', 'K8s'], 'zh-CN': ['容器编排'] },
        'vector-databases': { en: ['vector database', 'Milvus'], 'zh-CN': ['向量数据库'] },
        'llm-agents': { en: ['agents', 'tool calling', 'MCP'], 'zh-CN': ['智能体'] },
        statistics: { en: ['A/B testing', 'statistics'], 'zh-CN': ['统计'] },
        'model-deployment': { en: ['deploy models', 'model serving'], 'zh-CN': ['模型部署'] },
        untaught: { en: ['Fortran skills'] },
      },
      roles: {
        'ml-engineer': { en: ['machine learning engineer', 'ML engineer'], 'zh-CN': ['算法工程师'] },
        'ai-engineer': { en: ['AI engineer'], 'zh-CN': ['大模型应用'] },
        'data-scientist': { en: ['data scientist', 'experimentation'], 'zh-CN': ['数据科学家'] },
      },
    },
  };
}
