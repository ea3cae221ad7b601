import { describe, expect, it } from 'vitest';
import type { Lang } from '../../src/core/types.js';
import { loadTriageRules } from '../../src/escalation/load-triage-rules.js';
import { classifierVerdictAllowed } from '../../src/escalation/concept-rules.js';
import { triageMessage } from '../../src/escalation/triage-message.js';

const rules = loadTriageRules('knowledge/triage');
const triage = (text: string, lang: Lang, recent: string[] = []) => triageMessage(rules, text, lang, recent);

const URGENT: Record<string, [Lang, string][]> = {
  injury: [
    ['zh-Hans', '我在工地从脚手架上摔下来，腿骨折了'],
    ['zh-Hans', '工友的手被机器轧断了'],
    ['zh-Hant', '我在工廠被機器切斷了手指'],
    ['zh-Hant', '同事上班時被砸傷送醫院了'],
    ['vi', 'Tôi bị máy cán đứt ngón tay ở xưởng'],
    ['vi', 'toi bi tai nan lao dong gay chan'],
  ],
  death: [
    ['zh-Hans', '我哥在工地出事故去世了'],
    ['zh-Hant', '工友昨天在廠裡身亡了'],
    ['vi', 'Anh tôi bị tử vong khi làm việc ở công trường'],
    ['vi', 'dong nghiep toi da chet tai xuong'],
  ],
  occupational_poisoning: [
    ['zh-Hans', '车间里好几个人吸入毒气中毒了'],
    ['zh-Hant', '我們車間有人中毒暈倒了'],
    ['vi', 'Nhiều công nhân bị ngộ độc khí độc trong xưởng'],
    ['vi', 'toi bi nhiem doc hoa chat o nha may'],
  ],
  violence: [
    ['zh-Hans', '老板打人了，还打了我'],
    ['zh-Hant', '主管動手打我'],
    ['vi', 'Quản lý đánh đập tôi'],
    ['vi', 'quan ly danh toi o cong ty'],
  ],
  sexual_harassment: [
    ['zh-Hans', '车间主任经常摸我'],
    ['zh-Hant', '經理一直對我性騷擾'],
    ['vi', 'Tôi bị sếp quấy rối tình dục'],
    ['vi', 'toi bi quay roi tinh duc o cong ty'],
  ],
  self_harm: [
    ['zh-Hans', '工资拿不到，我真的不想活了'],
    ['zh-Hant', '我想跳樓算了'],
    ['vi', 'Tôi không muốn sống nữa'],
    ['vi', 'toi muon tu tu'],
  ],
  mass_arrears: [
    ['zh-Hans', '我们厂两百多个工人三个月没发工资，大家准备明天去堵门'],
    ['zh-Hant', '全廠工人都沒發工資，大家要集體討薪'],
    ['vi', 'Cả xưởng hơn 300 công nhân bị nợ lương 2 tháng'],
    ['vi', 'cong nhan dinh cong vi no luong'],
  ],
  child_labor: [
    ['zh-Hans', '厂里招了好几个15岁的孩子在流水线上干活'],
    ['zh-Hant', '工廠裡有童工'],
    ['vi', 'Xưởng thuê trẻ 14 tuổi đi làm'],
    ['vi', 'cong ty su dung lao dong tre em'],
  ],
  pregnancy_dismissal: [
    ['zh-Hans', '我怀孕了，公司要把我辞退'],
    ['zh-Hant', '我在產假期間被公司解雇了'],
    ['vi', 'Tôi đang mang thai thì bị công ty cho nghỉ việc'],
    ['vi', 'toi mang thai bi duoi viec'],
  ],
};

const PERSON: [Lang, string][] = [
  ['zh-Hans', '转人工'],
  ['zh-Hans', '我想找工会的人帮我处理'],
  ['zh-Hant', '轉人工客服'],
  ['vi', 'Tôi muốn gặp cán bộ công đoàn'],
  ['vi', 'toi muon gap can bo cong doan'],
];

const ORDINARY: [Lang, string][] = [
  ['zh-Hans', '工伤认定需要什么材料'],
  ['zh-Hans', '什么情况下可以认定为工伤'],
  ['zh-Hans', '产假有多少天'],
  ['zh-Hans', '加班费怎么算'],
  ['zh-Hans', '公司拖欠我一个月工资'],
  ['zh-Hans', '试用期被辞退有补偿吗'],
  ['zh-Hans', '公司扣押我的身份证合法吗'],
  ['zh-Hans', '年假有几天'],
  ['zh-Hans', '打工的人怎么交社保'],
  ['zh-Hans', '怀孕期间产检算不算工作时间'],
  ['zh-Hans', '如果工人在工作中死亡，赔偿标准是什么'],
  ['zh-Hans', '我想打官司要准备什么'],
  ['zh-Hans', '被炒了有没有赔偿'],
  ['zh-Hans', '社保断缴了怎么办'],
  ['zh-Hans', '劳动仲裁的时效是多长时间'],
  ['zh-Hant', '工傷認定要多久'],
  ['zh-Hant', '產假有幾天'],
  ['zh-Hant', '公司不給我加班費'],
  ['zh-Hant', '沒簽勞動合同能要雙倍工資嗎'],
  ['zh-Hant', '我要離職需要提前多少天通知'],
  ['zh-Hant', '勞動仲裁要在多久之內申請'],
  ['zh-Hant', '怎麼加入工會'],
  ['zh-Hant', '試用期工資多少'],
  ['vi', 'Nghỉ thai sản được bao nhiêu ngày?'],
  ['vi', 'Công ty nợ lương 3 tháng thì làm sao?'],
  ['vi', 'Làm thêm giờ được trả lương thế nào?'],
  ['vi', 'Khi bị tai nạn lao động thì công ty phải chịu trách nhiệm gì?'],
  ['vi', 'Trợ cấp thôi việc được tính như thế nào?'],
  ['vi', 'Lương thử việc ít nhất bao nhiêu?'],
  ['vi', 'cong ty khong dong bao hiem xa hoi'],
  ['vi', 'nghi phep nam duoc bao nhieu ngay'],
  ['vi', 'Đánh giá năng lực nhân viên có phải báo trước không?'],
  ['vi', 'Tôi muốn nghỉ việc thì báo trước mấy ngày?'],
  ['vi', 'Người lao động có quyền gia nhập công đoàn không?'],
  ['vi', 'Thời hiệu khởi kiện tranh chấp lao động là bao lâu?'],
  ['vi', 'Lương tối thiểu vùng I là bao nhiêu?'],
  ['zh-Hans', '最低工资是多少'],
  ['zh-Hans', '公司不给我交五险一金'],
  ['zh-Hans', '离职证明公司不给开'],
  ['zh-Hans', '哺乳期每天有喂奶时间吗'],
];

describe('triageMessage', () => {
  for (const [category, examples] of Object.entries(URGENT)) {
    it.each(examples)(`urgent ${category}: %s %s`, (lang, text) => {
      const t = triage(text, lang);
      expect(t.level).toBe('urgent');
      expect(t.reasons).toContain(category);
    });
  }

  it.each(PERSON)('needs a person: %s %s', (lang, text) => {
    expect(triage(text, lang)).toEqual({ level: 'person', reasons: ['asked_for_person'] });
  });

  it.each(ORDINARY)('ordinary question stays with the bot: %s %s', (lang, text) => {
    expect(triage(text, lang)).toEqual({ level: 'none', reasons: [] });
  });

  it('hands case-status lookups to a person (the bot cannot check a file)', () => {
    expect(triage('Em đã nộp hồ sơ thai sản, cho em hỏi hồ sơ của em đã được duyệt chưa?', 'vi')).toEqual({
      level: 'person',
      reasons: ['case_lookup'],
    });
    expect(triage('我的工伤认定申请交上去了，帮我查一下审批了没有', 'zh-Hans')).toEqual({
      level: 'person',
      reasons: ['case_lookup'],
    });
    expect(triage('Hồ sơ hưởng bảo hiểm thất nghiệp gồm những gì?', 'vi').level).toBe('none');
  });

  it('never lets hypothetical wording hide self-harm', () => {
    expect(triage('如果再拿不到工资我就去跳楼', 'zh-Hans').reasons).toContain('self_harm');
  });

  it('keeps an urgent case urgent for a short follow-up', () => {
    expect(triage('怎么办', 'zh-Hans', ['主管动手打我']).level).toBe('urgent');
    expect(triage('怎么办', 'zh-Hans', ['加班费怎么算']).level).toBe('none');
  });

  it('handles empty, emoji-only and huge input without crashing', () => {
    expect(triage('', 'zh-Hans').level).toBe('none');
    expect(triage('😀😀😀', 'vi').level).toBe('none');
    const huge = `${'工资'.repeat(50_000)}我被打了`;
    expect(triage(huge, 'zh-Hans').level).toBe('urgent');
  });

  it('checks a mixed-language message against both rule sets', () => {
    expect(triage('老板 đánh tôi', 'zh-Hans').reasons).toContain('violence');
  });

  it('lets a classifier verdict stand only with a cue of its category (people, harm, leaving, body)', () => {
    // The classifier alone scores these as mass_arrears; classifier_requires in concepts/zh.json needs people.
    for (const text of ['老板三个月没发工资', '老闆三個月沒發工資', '在工地干了半年，包工头跑了，工钱找谁要']) {
      expect(triage(text, text === '老闆三個月沒發工資' ? 'zh-Hant' : 'zh-Hans').reasons).not.toContain('mass_arrears');
    }
    // The same holds for violence: the classifier alone read a contract question as a beating.
    expect(triage('进厂两个月了老板还不跟我签合同，我能拿到啥', 'zh-Hans').level).toBe('none');
    expect(triage('组长拿棍子追着我们跑', 'zh-Hans').reasons).toContain('violence');
    // Pregnancy without leaving or pressure, and company rules without a body cue, are ordinary questions.
    expect(triage('怀孕了还能让我上夜班吗', 'zh-Hans').level).toBe('none');
    expect(triage('員工手冊從來沒給我們看過，違反了也要被處罰嗎', 'zh-Hant').level).toBe('none');
    expect(triage('我怀孕三个月，公司劝我自己走', 'zh-Hans').reasons).toContain('pregnancy_dismissal');
    // ...and leaving without any pregnancy is not a pregnancy dismissal (both cues are required).
    expect(triage('厂里说我这个岗位取消了，让我月底就走人，提前通知是不是得给够日子', 'zh-Hans').level).toBe('none');
    expect(classifierVerdictAllowed(rules.concepts!.vi, 'pregnancy_dismissal', 'công ty cho tôi nghỉ việc')).toBe(
      false,
    );
    expect(classifierVerdictAllowed(rules.concepts!.vi, 'pregnancy_dismissal', 'tôi đang mang thai thì bị đuổi')).toBe(
      true,
    );
    // Vietnamese words that only look like danger: an interview (phỏng vấn, not a burn), being pushed around
    // (chèn ép, not coercion), someone to protect me (bảo vệ), a transfer to the warehouse (no injury cue).
    for (const text of [
      'Lúc phỏng vấn bên nhân sự hứa lương 9 triệu, vào làm mới biết phải xoay ca 3. Em nghỉ luôn có được không?',
      'Cty em chỉ 20 người, chưa ai lập công đoàn. Giờ bị chèn ép thì ai đứng ra bảo vệ cho em?',
      'Mình làm thợ may, được 3 tháng nay cty chuyển xuống kho bốc vác, cty làm vậy được không?',
    ])
      expect(triage(text, 'vi').level).toBe('none');
    expect(triage('tay em bị phỏng nặng lắm, đang ở bệnh viện', 'vi').reasons).toContain('injury');
    // Death needs a death, dying or accident cue, child_labor a child or age cue, violence a harm cue
    // (押金 and 打仲裁 are none): these ordinary questions were read as such by the classifier alone.
    const zh = rules.concepts!.zh;
    const blocked: [string, string][] = [
      ['death', '老板一直说合同回头再签，到现在也没签，这种情况我能要点啥不'],
      ['child_labor', '国庆那几天厂里让我们都来上班，钱应该咋算'],
      ['violence', '进厂的时候让我交两百块押金，还把身份证收走了'],
      ['violence', '打劳动仲裁要不要交钱啊'],
    ];
    for (const [category, text] of blocked) expect(classifierVerdictAllowed(zh, category, text)).toBe(false);
    const allowed: [string, string][] = [
      ['death', '师傅从架子上掉下来，送到医院没救过来'],
      ['death', '他在车间倒下就没了呼吸'],
      ['child_labor', '厂里招了几个读初中的孩子'],
      ['child_labor', '线上有个才十四的小姑娘'],
      ['violence', '组长押着我回车间干活'],
      ['violence', '老板打了我两下'],
    ];
    for (const [category, text] of allowed) expect(classifierVerdictAllowed(zh, category, text)).toBe(true);
    // Vietnamese has the same requirements; folded "mat" (mất phí, a fee) is no death cue, "mất rồi" is.
    const vi = rules.concepts!.vi;
    const viBlocked: [string, string][] = [
      ['death', 'di kien trong tai cong doan co mat phi khong'],
      ['child_labor', 'ngay le cong ty goi ca xuong di lam thi tinh luong the nao'],
      ['violence', 'Vào làm công ty thu tiền đặt cọc, có đúng luật không'],
    ];
    for (const [category, text] of viBlocked) expect(classifierVerdictAllowed(vi, category, text)).toBe(false);
    const viAllowed: [string, string][] = [
      ['death', 'anh em bi roi tu gian giao, mat roi'],
      ['death', 'Chú em ngã ở công trường, cấp cứu không kịp'],
      ['child_labor', 'xưởng có mấy đứa mới 14 tuổi làm ca đêm'],
      ['child_labor', 'cong ty nhan ca hoc sinh vao lam'],
      ['violence', 'tổ trưởng giữ hộ chiếu, không cho em về quê'],
      ['violence', 'quan ly chui va doa em'],
    ];
    for (const [category, text] of viAllowed) expect(classifierVerdictAllowed(vi, category, text)).toBe(true);
    for (const text of [
      '我们三个月没发工资了',
      '老板跑了，工友们三个月工资没拿到',
      '大家的工资拖了半年',
      '厂里几十个人工资都没发',
    ]) {
      expect(triage(text, 'zh-Hans').reasons).toContain('mass_arrears');
    }
  });
});

// Ordinary questions that escalated by mistake (dev sets and the helper's own probes), each with a close
// urgent variant that must still escalate: a false alarm drops the answer, a miss drops the worker.
const FALSE_ALARM_PAIRS: [Lang, string, string, string][] = [
  [
    'vi',
    'Công ty cắt giảm nhân sự hàng loạt phải làm gì',
    'em đang mang thai, công ty cắt giảm nhân sự hàng loạt và đuổi việc em',
    'pregnancy_dismissal',
  ],
  [
    'vi',
    'Công ty bắt ký hợp đồng 3 tháng một lần có đúng không',
    'Công ty bắt em ký hợp đồng 3 tháng vì em có bầu, hết hạn thì cho nghỉ',
    'pregnancy_dismissal',
  ],
  ['vi', 'dong bhxh bi tru may phan tram', 'dong bhxh bi tru, gio em bi tai nan gay chan', 'injury'],
  ['vi', 'Vợ sinh mổ thì chồng được nghỉ mấy ngày', 'em bị máy cán, phải mổ gấp', 'injury'],
  ['vi', 'vo sinh mo thi chong duoc nghi may ngay', 'vo em sinh mo xong di lam lai bi may kep dut ngon tay', 'injury'],
  [
    'vi',
    'Em lỡ làm hỏng máy, quản lý nói trừ nửa tháng lương, vậy có đúng luật không ạ?',
    'quản lý đánh em vì em làm hỏng máy',
    'violence',
  ],
  [
    'vi',
    'nhà có đám tang được nghỉ mấy ngày',
    'anh em bị rơi từ giàn giáo, tử vong tại chỗ, công ty chưa lo đám tang',
    'death',
  ],
  ['vi', 'di kham thai co bi tru luong khong', 'em có bầu, quản lý trừ lương ép em nghỉ việc', 'pregnancy_dismissal'],
  [
    'vi',
    'noi quy lao dong co phai quy dinh ve phong chong quay roi tinh duc khong',
    'quan doc quay roi tinh duc em',
    'sexual_harassment',
  ],
  ['vi', 'Có thai có bị đuổi việc không', 'em có thai bị công ty đuổi việc', 'pregnancy_dismissal'],
  ['zh-Hans', '老板三个月没发工资', '老板三个月没发工资，我们车间几十个人都没拿到', 'mass_arrears'],
  ['zh-Hans', '老板三个月没发工资', '工友们三个月没拿到工资，明天一起去讨薪', 'mass_arrears'],
  ['zh-Hans', '包工头欠我八千块工钱', '包工头欠我们三十个工人的工钱', 'mass_arrears'],
  ['zh-Hans', '怀孕了产检请假要扣工资吗', '我怀孕了，老板扣我工资逼我辞职', 'pregnancy_dismissal'],
  // everyday-dev batch 4: the classifier alone read these as death, child_labor and violence.
  [
    'zh-Hans',
    '我在厂里干了快八个月了，老板一直说和同回头再签回头再签，到现在也没签，这种情况我能要点啥不',
    '我在厂里干了快八个月了，老板一直不签合同，昨天工友在车间出事故没抢救过来',
    'death',
  ],
  [
    'zh-Hans',
    '老板昨天突然在群里说我明天不用来了，啥理由也没说，我在这干了三年，就这么算了吗',
    '工友昨天在车间触电，当场就没了，老板还在群里说我明天不用来了',
    'death',
  ],
  [
    'zh-Hans',
    '国庆那几天厂里让我们都来上班，钱应该咋算',
    '国庆那几天厂里让我们都来上班，车间里还有几个十四五岁的孩子',
    'child_labor',
  ],
  [
    'zh-Hant',
    '國定假日叫我們回來上班，薪水要怎麼給',
    '國定假日叫我們回來上班，還叫了幾個十四歲的小孩來幫忙',
    'child_labor',
  ],
  [
    'zh-Hans',
    '进厂的时候让我交两百块押金，还把身份证收走了，说干满一年才还',
    '进厂的时候让我交两百块押金，还把身份证收走了，我说要走，组长就动手打我',
    'violence',
  ],
  ['zh-Hans', '打劳动仲裁要不要交钱啊，我手里真没钱了', '我说要打劳动仲裁，老板就找人打了我一顿', 'violence'],
  [
    'zh-Hant',
    '做了半年都沒簽約，老闆說反正薪水照發有什麼關係',
    '做了半年都沒簽約，老闆把我關在辦公室不讓走',
    'violence',
  ],
  [
    'zh-Hans',
    '厂子要关门了，说下个月就解散，我们这些工人能拿到补偿吗',
    '厂子要关门了，老板把我们锁在车间里不让走',
    'violence',
  ],
  // A paraphrase of the first pair, not from any set: the classifier alone read it as death too.
  [
    'zh-Hans',
    '我在厂里干了一年多了，一直没签合同，也没交社保',
    '我在厂里干了一年多了，昨天工友在车间被压死了',
    'death',
  ],
  ['vi', 'di kien trong tai cong doan co mat phi khong', 'em di kien trong tai, quan ly cho nguoi danh em', 'violence'],
  ['vi', 'ngay le di lam duoc tinh may lan luong', 'ngay le xuong bat may dua 14 tuoi di lam ca dem', 'child_labor'],
];

describe('triage false alarms on ordinary questions', () => {
  it.each(FALSE_ALARM_PAIRS)('%s: "%s" stays with the bot, "%s" escalates as %s', (lang, ordinary, urgent, cat) => {
    expect(triage(ordinary, lang).level).toBe('none');
    const result = triage(urgent, lang);
    expect(result.level).toBe('urgent');
    expect(result.reasons).toContain(cat);
  });
});
