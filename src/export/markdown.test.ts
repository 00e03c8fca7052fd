import { describe, expect, it } from 'vitest';
import type { ProgressState } from '../core/plan-model.js';
import { deriveSkillStates } from '../core/skill-state.js';
import { progressToMarkdown } from './markdown.js';
import { fixtureCurriculum } from './test-support/fixture.js';

const curriculum = fixtureCurriculum();
const state: ProgressState = {
  skills: new Map([
    ['python-programming', 'done'],
    ['linear-algebra', 'learning'],
    ['old-skill', 'done'],
  ]),
  items: new Map(),
  logged: [],
  loggedByItem: new Map(),
};
const states = deriveSkillStates({ curriculum, progress: state, known: [], plan: undefined });

describe('progressToMarkdown', () => {
  it('writes a checklist per stage with [x] for each skill done and [ ] for the rest', () => {
    const md = progressToMarkdown(curriculum, states, {
      locale: 'en',
      totalHours: 12.5,
      exportedAt: '2026-11-28T00:00:00.000Z',
    });
    expect(md).toContain('## Learn to code\n\n- [x] Programming in Python `python-programming`');
    expect(md).toContain('## Maths\n\n- [ ] Linear algebra \\[vectors\\] `linear-algebra` *(learning)*');
    expect(md).toContain('## Deep learning\n\n- [ ] Deep learning basics `deep-learning-basics`');
    // Listed: every skill with a status, `old-skill` (marked, not in the curriculum) too. Counted as every
    // face counts (skill-state.ts `skillTotals`): the plan's skills, here with no plan the curriculum's three.
    expect(md).toContain('- [x] old-skill `old-skill`');
    expect(md).toContain('1 of the 3 skills in your plan done (the curriculum has 3), 12.5 hours logged.');
  });

  it('counts the skills of the learner’s plan when given them', () => {
    const md = progressToMarkdown(curriculum, states, {
      locale: 'zh-CN',
      planSkills: ['python-programming', 'linear-algebra'],
      totalHours: 2,
      exportedAt: '2026-11-28T00:00:00.000Z',
    });
    expect(md).toContain('计划中的 2 项技能完成了 1 项（课程共有 3 项），已记录 2 小时。');
  });

  it('keeps skills marked outside the route’s stages in a section of their own', () => {
    const md = progressToMarkdown(curriculum, states, {
      locale: 'en',
      totalHours: 0,
      exportedAt: 'x',
      stageOrder: ['deep', 'code'],
    });
    expect(md.indexOf('## Deep learning')).toBeLessThan(md.indexOf('## Learn to code'));
    expect(md).toContain('## Other skills\n\n- [ ] Linear algebra');
    expect(md).toContain('- [x] old-skill `old-skill`');
  });

  it('writes Chinese headings and project rubrics with links', () => {
    const md = progressToMarkdown(curriculum, states, {
      locale: 'zh-CN',
      totalHours: 3,
      exportedAt: '2026-11-28',
      projects: [
        {
          id: 'bot',
          template: 'chinese-chatbot',
          title: '中文客服聊天机器人',
          links: { repository: 'https://example.org/bot', demo: undefined, writeup: undefined },
          checked: ['front-end'],
        },
      ],
    });
    expect(md).toContain('# 我的学习进度：测试路线');
    expect(md).toContain('## 学习编程\n\n- [x] Python 编程');
    expect(md).toContain('*（学习中）*');
    expect(md).toContain(
      '## 作品集项目\n\n### 中文客服聊天机器人\n\n[repository](https://example.org/bot)\n\n- [x] 别人可以试用的前端\n- [ ] 一篇总结文章',
    );
  });
});
