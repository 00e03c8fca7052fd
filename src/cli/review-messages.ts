/**
 * @module review-messages
 * What `mlpath review` and the placement check of `mlpath init` say, in English and Simplified Chinese: one table per locale with the same
 * keys (a missing translation is a type error) and `{name}` placeholders, the same shape as the
 * CLI's other message tables.
 */
import type { Locale } from '../core/model.js';
import type { ReviewRating } from '../core/review.js';
import { fill } from './fill.js';

const EN = {
  nothingDue: 'Nothing to review now.',
  nextDue: 'Next card due {when}.',
  noCards: 'No cards yet: the self-check questions of a skill become cards once you mark it done.',
  dueCount: '{count} cards due.',
  cardHeading: 'Card {index} of {total} · {skill}',
  reveal: 'Space or Enter: show the answer · q: stop',
  rate: 'Rate your recall: 1 again · 2 hard · 3 good · 4 easy · q: stop',
  answer: 'Answer:',
  rated: 'Rated {rating}: next review {when}.',
  stopped: 'Stopped. {count} reviewed.',
  finished: 'Done: {count} reviewed.',
  needsRefresh: 'Needs a refresh (its cards keep lapsing): {skills}',
  recall: '{skill}: recall {percent}%, {due} due',
  notReviewed: '{skill}: not reviewed yet, {due} due',
  needsTerminal:
    'reviewing card by card needs a terminal; rate one card with `mlpath review CARD RATING`, or list them with --json',
  ratingNeedsCard: 'give the card before its rating: `mlpath review CARD RATING`',
  badRating: 'RATING must be one of again, hard, good, easy (got "{value}")',
  unknownCard: 'there is no card "{id}" to review: cards are the questions of skills done',
  cardsHint: 'see `mlpath review --json` for the cards due',
  badLimit: '--limit must be a whole number of at least 1 (got "{value}")',
  ankiWritten: 'Wrote {count} cards to {file}. Import it in Anki with File > Import.',
  'rating.again': 'again',
  'rating.hard': 'hard',
  'rating.good': 'good',
  'rating.easy': 'easy',
  inMinutes: 'in {count} min',
  inHours: 'in {count} h',
  inDays: 'in {count} days',
  // placement, in `mlpath init`
  placementOffer: 'Take a short self-check, so the plan skips what you already know?',
  placementArea: 'Check {area} ({count} questions)?',
  'placementArea.check': 'Check it',
  'placementArea.skip': 'Skip this area',
  'placementArea.stop': 'Stop the check',
  placementQuestion: 'Question {index} of {total} · {skill}',
  placementThink: 'Answer it in your head, then look at the model answer.',
  'placementThink.reveal': 'Show the model answer',
  'placementThink.skipArea': 'Skip the rest of this area',
  placementModel: 'Model answer',
  placementJudge: 'How did your answer compare?',
  'placement.knew': 'I knew it: mark the skill known',
  'placement.partly': 'Partly',
  'placement.no': 'I did not know it',
  placementSummary: 'You showed you know {count} skills:',
  placementConfirm: 'Mark them known, so the plan leaves them out?',
  placementKept: 'Marked known: {count} skills.',
  // the review time `mlpath today` and `week` reserve
  weekReview: 'Review: about {minutes} min reserved this week ({reviews} reviews expected, {due} cards due now).',
  weekReviewNone: 'Review: nothing due this week.',
} as const;

export type ReviewKey = keyof typeof EN;

const ZH: Record<ReviewKey, string> = {
  nothingDue: '现在没有需要复习的卡片。',
  nextDue: '下一张卡片{when}到期。',
  noCards: '还没有卡片：技能标记为完成后，它的自测题就会变成复习卡片。',
  dueCount: '有 {count} 张卡片到期。',
  cardHeading: '第 {index}/{total} 张 · {skill}',
  reveal: '空格或回车：显示答案 · q：结束',
  rate: '回忆得如何：1 忘了 · 2 困难 · 3 良好 · 4 轻松 · q：结束',
  answer: '参考答案：',
  rated: '评为“{rating}”：下次复习{when}。',
  stopped: '已结束，本次复习了 {count} 张。',
  finished: '完成：本次复习了 {count} 张。',
  needsRefresh: '需要重新学习（卡片总是遗忘）：{skills}',
  recall: '{skill}：记忆保持率 {percent}%，{due} 张到期',
  notReviewed: '{skill}：尚未复习，{due} 张到期',
  needsTerminal: '逐张复习需要在终端中进行；可用 `mlpath review 卡片 评分` 为单张卡片评分，或用 --json 列出到期卡片',
  ratingNeedsCard: '请先给出卡片再给评分：`mlpath review 卡片 评分`',
  badRating: '评分必须是 again（忘了）、hard（困难）、good（良好）、easy（轻松）之一（收到的是“{value}”）',
  unknownCard: '没有可复习的卡片“{id}”：卡片来自已完成技能的自测题',
  cardsHint: '用 `mlpath review --json` 查看到期的卡片',
  badLimit: '--limit 必须是不小于 1 的整数（收到的是“{value}”）',
  ankiWritten: '已把 {count} 张卡片写入 {file}。在 Anki 中通过“文件 > 导入”导入即可。',
  'rating.again': '忘了',
  'rating.hard': '困难',
  'rating.good': '良好',
  'rating.easy': '轻松',
  inMinutes: '{count} 分钟后',
  inHours: '{count} 小时后',
  inDays: '{count} 天后',
  placementOffer: '做一个简短的自测，让计划跳过你已经掌握的内容？',
  placementArea: '检测“{area}”领域（{count} 道题）？',
  'placementArea.check': '检测',
  'placementArea.skip': '跳过这个领域',
  'placementArea.stop': '结束自测',
  placementQuestion: '第 {index}/{total} 题 · {skill}',
  placementThink: '先在心里作答，再看参考答案。',
  'placementThink.reveal': '显示参考答案',
  'placementThink.skipArea': '跳过这个领域的其余题目',
  placementModel: '参考答案',
  placementJudge: '和参考答案相比，你答得怎样？',
  'placement.knew': '我会：把这项技能标记为已掌握',
  'placement.partly': '部分会',
  'placement.no': '不会',
  placementSummary: '你表明已掌握以下 {count} 项技能：',
  placementConfirm: '把它们标记为已掌握，让计划不再安排？',
  placementKept: '已标记为已掌握：{count} 项技能。',
  weekReview: '复习：本周预留约 {minutes} 分钟（预计复习 {reviews} 次，现在有 {due} 张卡片到期）。',
  weekReviewNone: '复习：本周没有到期的卡片。',
};

export const REVIEW_TABLES: Readonly<Record<'en' | 'zh-CN', Readonly<Record<ReviewKey, string>>>> = {
  en: EN,
  'zh-CN': ZH,
};

/** One message in a locale, `{name}` placeholders filled from `values`. */
export function rmsg(locale: Locale, key: ReviewKey, values: Readonly<Record<string, string | number>> = {}): string {
  return fill((locale.toLowerCase().startsWith('zh') ? ZH : EN)[key], values);
}

/** A rating's word in a locale. */
export function ratingWord(locale: Locale, rating: ReviewRating): string {
  return rmsg(locale, `rating.${rating}`);
}

/** How long from `from` until `to`, in words: minutes under an hour, hours under a day, else days. */
export function untilWords(locale: Locale, from: Date, to: Date): string {
  const minutes = Math.max(0, Math.round((to.getTime() - from.getTime()) / 60_000));
  if (minutes < 60) return rmsg(locale, 'inMinutes', { count: minutes });
  if (minutes < 24 * 60) return rmsg(locale, 'inHours', { count: Math.round(minutes / 60) });
  return rmsg(locale, 'inDays', { count: Math.round(minutes / (24 * 60)) });
}
