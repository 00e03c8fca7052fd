/**
 * @module export/test-support/fixture
 * A small, complete curriculum (English and Chinese, units, an alias, a project template with a
 * rubric) and a hand-made plan over it, for export tests that must not depend on the shipped data.
 */
import { tryParseCurriculum } from '../../content/load.js';
import type { Curriculum } from '../../core/model.js';
import type { Plan } from '../../core/plan-model.js';

export const FIXTURE_YAML = `
curriculum:
  id: fixture
  version: 1.0.0
  locales: [en, zh-CN]
  title: { en: Fixture path, zh-CN: 测试路线 }
  rubric:
    - { id: front-end, title: { en: A front end others can try, zh-CN: 别人可以试用的前端 } }
    - { id: write-up, title: { en: A write-up, zh-CN: 一篇总结文章 } }
skills:
  - id: python-programming
    area: software
    aliases: [python]
    title: { en: Programming in Python, zh-CN: Python 编程 }
  - id: linear-algebra
    area: math
    title: { en: "Linear algebra [vectors]", zh-CN: 线性代数 }
  - id: deep-learning-basics
    area: deep-learning
    title: { en: Deep learning basics, zh-CN: 深度学习基础 }
    requires:
      - { skill: python-programming, reason: { en: Code., zh-CN: 代码。 } }
      - { skill: linear-algebra, reason: { en: Maths., zh-CN: 数学。 } }
resources:
  - id: cs50p
    title: "CS50's Introduction to Programming with Python"
    url: https://cs50.harvard.edu/python/
    kind: course
    cost: free
    style: structured
    effort: { hours: 30, source: https://cs50.harvard.edu/python/ }
    teaches: [python-programming]
    units:
      - { id: week-0, title: { en: Functions and variables, zh-CN: 函数与变量 }, hours: 10, url: https://cs50.harvard.edu/python/weeks/0/ }
      - { id: week-1, title: { en: Conditionals, zh-CN: 条件语句 }, hours: 20 }
  - id: la-book
    title: Linear Algebra Done Right
    localTitle: { en: Linear Algebra Done Right, zh-CN: 线性代数应该这样学 }
    url: https://linear.axler.net/
    kind: book
    cost: free
    style: university
    effort: { hours: 60, source: https://linear.axler.net/ }
    teaches: [linear-algebra]
  - id: dl-course
    title: Deep Learning Specialization
    url: https://www.deeplearning.ai/courses/deep-learning-specialization/
    kind: course
    cost: free-to-audit
    style: structured
    effort: { hours: 80, source: https://www.deeplearning.ai/courses/deep-learning-specialization/ }
    teaches: [deep-learning-basics]
stages:
  - id: code
    title: { en: Learn to code, zh-CN: 学习编程 }
    skills: [python-programming]
    resources: [cs50p]
  - id: maths
    title: { en: Maths, zh-CN: 数学 }
    skills: [linear-algebra]
    resources: [la-book]
  - id: deep
    title: { en: Deep learning, zh-CN: 深度学习 }
    skills: [deep-learning-basics]
    resources: [dl-course]
routes:
  - id: software-first
    title: { en: Software first, zh-CN: 软件优先 }
    stages: [code, maths, deep]
startingPoints:
  - id: from-scratch
    title: { en: From scratch, zh-CN: 从零开始 }
    hoursPerWeek: 10
    route: software-first
roles:
  - id: ml-engineer
    title: { en: ML engineer, zh-CN: 机器学习工程师 }
    weights: { python-programming: 2, linear-algebra: 1, deep-learning-basics: 3 }
domains:
  - id: nlp
    title: { en: Natural language processing, zh-CN: 自然语言处理 }
projects:
  - id: chinese-chatbot
    domain: nlp
    title: { en: A Chinese customer-service chatbot, zh-CN: 中文客服聊天机器人 }
    skills: [deep-learning-basics]
    rubric:
      - { id: front-end, title: { en: A front end others can try, zh-CN: 别人可以试用的前端 } }
`;

export function fixtureCurriculum(): Curriculum {
  const result = tryParseCurriculum([{ file: 'fixture.yaml', text: FIXTURE_YAML }], '.');
  if (!result.ok) throw new Error(`fixture curriculum is invalid: ${JSON.stringify(result.problems)}`);
  return result.curriculum;
}

export function fixturePlan(): Plan {
  return {
    route: 'software-first',
    hoursPerWeek: 10,
    totalHours: 40,
    startDate: '2026-11-30',
    finishDate: '2026-12-27',
    weekCount: 4,
    milestones: [
      { stage: 'code', date: '2026-12-13', title: { en: 'Learn to code', 'zh-CN': '学习编程' } },
      { stage: 'ready', date: '2026-12-27', title: undefined },
    ],
    weeks: [
      {
        index: 0,
        start: '2026-11-30',
        off: false,
        hours: 10,
        tasks: [
          {
            kind: 'study',
            stage: 'code',
            resource: 'cs50p',
            unit: 'week-0',
            skills: ['python-programming'],
            hours: 7.5,
            why: {
              en: 'Every later stage is written in Python.',
              'zh-CN':
                '后面每个阶段都用 Python 编写，所以先学它；这句话故意写得很长，用来检验按字节折行时不会把一个汉字拆成两半。',
            },
          },
          {
            kind: 'ambient',
            stage: 'maths',
            resource: 'la-book',
            unit: undefined,
            skills: ['linear-algebra'],
            hours: 2.5,
            why: undefined,
          },
        ],
      },
      { index: 1, start: '2026-12-07', off: true, hours: 0, tasks: [] },
      {
        index: 2,
        start: '2026-12-14',
        off: false,
        hours: 10,
        tasks: [
          {
            kind: 'study',
            stage: 'deep',
            resource: 'dl-course',
            unit: undefined,
            skills: ['deep-learning-basics'],
            hours: 10,
            why: undefined,
          },
        ],
      },
      {
        index: 3,
        start: '2026-12-21',
        off: false,
        hours: 10,
        tasks: [
          {
            kind: 'project',
            stage: 'deep',
            resource: 'chinese-chatbot',
            unit: undefined,
            skills: [],
            hours: 10,
            why: undefined,
          },
        ],
      },
    ],
    skills: ['python-programming', 'linear-algebra', 'deep-learning-basics'],
    resources: ['cs50p', 'la-book', 'dl-course'],
    effortFactor: 1,
    hoursByArea: { software: 7.5, math: 2.5, 'deep-learning': 10 },
    explanations: [],
  };
}
