/**
 * @module server/test-support/fixture-curriculum
 * A small curriculum the API tests own, so that their ids stay put while the shipped one
 * grows: two starting points, a skill renamed (alias), a resource with units, a domain, and
 * a project template with its rubric.
 */
import { tryParseCurriculum } from '../../content/load.js';
import type { Curriculum } from '../../core/model.js';

const TEXT = `
curriculum:
  id: api-fixture
  version: 1.0.0
  locales: [en, zh-CN]
  title: { en: API fixture, zh-CN: API 测试课程 }
  rubric:
    - id: front-end
      title: { en: A front end others can try, zh-CN: 他人可以试用的前端 }
    - id: write-up
      title: { en: A write-up, zh-CN: 一篇总结文章 }
skills:
  - id: python-programming
    area: software
    title: { en: Programming in Python, zh-CN: Python 编程 }
    aliases: [python]
  - id: linear-algebra
    area: math
    title: { en: Linear algebra, zh-CN: 线性代数 }
  - id: classical-ml
    area: ml
    title: { en: Classical machine learning, zh-CN: 经典机器学习 }
    requires:
      - skill: python-programming
        reason: { en: The exercises are in Python., zh-CN: 练习用 Python 编写。 }
      - skill: linear-algebra
        reason: { en: Models are matrices., zh-CN: 模型就是矩阵。 }
  - id: nlp-basics
    area: domain
    title: { en: NLP basics, zh-CN: 自然语言处理基础 }
    requires:
      - skill: classical-ml
        reason: { en: NLP builds on ML., zh-CN: 自然语言处理建立在机器学习之上。 }
resources:
  - id: cs50x
    title: "CS50's Introduction to Computer Science"
    url: https://cs50.harvard.edu/x/
    kind: course
    cost: free
    style: structured
    effort: { hours: 100, source: https://cs50.harvard.edu/x/ }
    teaches: [python-programming]
    units:
      - { id: week-0, title: { en: Scratch, zh-CN: Scratch }, share: 0.5 }
      - { id: week-1, title: { en: C, zh-CN: C 语言 }, share: 0.5 }
  - id: strang-la
    title: Linear Algebra (MIT 18.06)
    url: https://ocw.mit.edu/courses/18-06-linear-algebra-spring-2010/
    kind: course
    cost: free
    style: university
    effort: { hours: 40, source: https://ocw.mit.edu/ }
    teaches: [linear-algebra]
  - id: ml-specialization
    title: Machine Learning Specialization
    url: https://www.deeplearning.ai/courses/machine-learning-specialization/
    kind: course
    cost: free-to-audit
    style: structured
    effort: { hours: 60, source: https://www.deeplearning.ai/ }
    teaches: [classical-ml]
  - id: nlp-course
    title: Hugging Face NLP Course
    url: https://huggingface.co/learn/nlp-course
    kind: course
    cost: free
    style: practical
    effort: { hours: 20, source: https://huggingface.co/learn }
    teaches: [nlp-basics]
stages:
  - id: code
    title: { en: Learn to code, zh-CN: 学习编程 }
    skills: [python-programming]
    resources: [cs50x]
  - id: maths
    title: { en: Maths, zh-CN: 数学 }
    skills: [linear-algebra]
    resources: [strang-la]
  - id: shallow-ml
    title: { en: Shallow machine learning, zh-CN: 浅层机器学习 }
    skills: [classical-ml]
    resources: [ml-specialization]
  - id: domain-portfolio
    title: { en: Domain and portfolio, zh-CN: 领域与作品集 }
    skills: [nlp-basics]
    resources: [nlp-course]
routes:
  - id: software-first
    title: { en: Software first, zh-CN: 软件优先 }
    stages: [code, maths, shallow-ml, domain-portfolio]
    recommendedFor: [from-scratch]
    reasons:
      - { en: Self-taught learners start with code., zh-CN: 自学者从编程开始。 }
  - id: data-science-first
    title: { en: Data science first, zh-CN: 数据科学优先 }
    stages: [maths, code, shallow-ml, domain-portfolio]
    recommendedFor: [quant-student]
    reasons:
      - { en: Quantitative students start from maths., zh-CN: 理科学生从数学开始。 }
      - for: [from-scratch]
        text: { en: Self-taught learners can take this route too., zh-CN: 自学者也可以走这条路线。 }
startingPoints:
  - id: from-scratch
    title: { en: From scratch, zh-CN: 从零开始 }
    hoursPerWeek: 20
  - id: quant-student
    title: { en: Quantitative student, zh-CN: 理科学生 }
    hoursPerWeek: 15
    known: [linear-algebra]
roles:
  - id: ml-engineer
    title: { en: ML engineer, zh-CN: 机器学习工程师 }
    weights: { python-programming: 3, linear-algebra: 1, classical-ml: 2 }
domains:
  - id: nlp
    title: { en: Natural language processing, zh-CN: 自然语言处理 }
    skills: [nlp-basics]
    resources: [nlp-course]
projects:
  - id: sentiment-app
    domain: nlp
    title: { en: A sentiment web app, zh-CN: 情感分析网页应用 }
    skills: [nlp-basics]
    rubric:
      - id: deployed
        title: { en: Deployed for others, zh-CN: 已部署供他人使用 }
`;

export function fixtureCurriculum(): Curriculum {
  const result = tryParseCurriculum([{ file: 'fixture.yaml', text: TEXT }], 'fixture');
  if (!result.ok) throw new Error(`the API fixture curriculum is invalid: ${JSON.stringify(result.problems)}`);
  return result.curriculum;
}
