import { describe, expect, it } from 'vitest';
import { subQuestions } from '../../src/cards/sub-questions.js';

describe('subQuestions', () => {
  it('splits a Chinese message that asks two things at its question marks', () => {
    expect(subQuestions('仲裁要交钱吗？去哪里申请', 'zh-Hans')).toEqual(['仲裁要交钱吗', '去哪里申请']);
    expect(subQuestions('中秋節放幾天假？那天上班有三倍工資嗎?', 'zh-Hant')).toHaveLength(2);
  });

  it('does not split one question, a fragment, or Vietnamese', () => {
    expect(subQuestions('加班费怎么算？', 'zh-Hans')).toEqual([]);
    expect(subQuestions('产假多少天？好吗？', 'zh-Hans')).toEqual([]);
    expect(subQuestions('Nghỉ phép mấy ngày? Lương thế nào?', 'vi')).toEqual([]);
  });
});
