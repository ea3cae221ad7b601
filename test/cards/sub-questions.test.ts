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

  it('does not take a stated fact after the question for a second question', () => {
    expect(subQuestions('试用期最长多久？我签了三年合同', 'zh-Hans')).toEqual([]);
    expect(subQuestions('我签了三年合同。试用期最长多久？公司说要半年', 'zh-Hans')).toEqual([]);
    expect(subQuestions('试用期最长多久？我签了三年合同，可以约定半年吗', 'zh-Hans')).toHaveLength(2);
  });
});
