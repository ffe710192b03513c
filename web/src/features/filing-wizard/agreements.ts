import type { Message } from '../../i18n/message.ts';

export type Agreement = { key: 'infoSecurity' | 'assistedCorrection'; name: Message; paragraphs: Message[] };

/** The two agreements an applicant accepts before submitting (domain.md §4.5 termsAccepted). */
export const AGREEMENTS: Agreement[] = [
  {
    key: 'infoSecurity',
    name: { zh: '《信息安全管理协议》', en: 'Information Security Management Agreement' },
    paragraphs: [
      {
        zh: '一、为落实《中华人民共和国网络安全法》《互联网信息服务管理办法》及《非经营性互联网信息服务备案管理办法》的规定，备案主体（以下简称“您”）与接入服务提供者（以下简称“接入商”）就接入服务中的信息安全管理达成本协议。',
        en: '1. To implement the Cybersecurity Law of the PRC, the Measures for the Administration of Internet Information Services and the Measures for the Filing of Non-commercial Internet Information Services, the filing subject (“you”) and the access provider (“the provider”) agree on the following information security duties.',
      },
      {
        zh: '二、您保证所提交的主体、网站及负责人信息真实、准确、完整，并在信息发生变化后 30 日内通过本系统办理变更。因信息虚假导致备案被注销、接入被停止的，由您自行承担责任。',
        en: '2. You warrant that the subject, website and responsible-person data you submit are true, accurate and complete, and you will file a change within 30 days of any change. If false data leads to the filing being cancelled or access being stopped, you bear the consequences.',
      },
      {
        zh: '三、您不得利用接入服务制作、复制、发布、传播法律、行政法规禁止的信息；网站涉及新闻、出版、教育、医疗保健、药品和医疗器械、文化等内容的，须在取得有关主管部门的前置审批后方可提供服务。',
        en: '3. You will not use the service to produce, copy, publish or spread information prohibited by laws and administrative regulations. A website covering news, publishing, education, healthcare, drugs and medical devices, culture or similar content may offer it only after obtaining the pre-approval of the competent authority.',
      },
      {
        zh: '四、您应建立网站信息安全管理制度，落实用户实名、日志留存（不少于 60 日）等安全保护技术措施，并在网站首页底部显著位置展示备案号并链接至 https://beian.miit.gov.cn/。',
        en: '4. You will keep an information security policy for the website, apply technical protection such as real-name users and logs kept for at least 60 days, and show the filing number at the bottom of the home page, linked to https://beian.miit.gov.cn/.',
      },
      {
        zh: '五、接入商发现网站存在违法信息、备案信息与实际不符或未按要求核验的，有权依照主管部门要求暂停或停止接入服务，并向有关部门报告。',
        en: '5. If the provider finds unlawful information, data that differ from reality or a verification not done, it may suspend or stop access as the authorities require and report it to them.',
      },
    ],
  },
  {
    key: 'assistedCorrection',
    name: {
      zh: '《协助更改备案信息服务在线服务条款》',
      en: 'Online Terms of the Assisted Correction Service',
    },
    paragraphs: [
      {
        zh: '一、为提高备案审核效率，您同意接入商在初审过程中，对您提交的备案信息中明显的笔误（如字符顺序颠倒、全角半角符号、多余空格、行政区划名称的规范写法等）直接进行更正，而无需将订单驳回。',
        en: '1. To speed up the review, you allow the provider, during its preliminary review, to correct obvious slips in your filing data directly (such as transposed characters, full-width or half-width symbols, extra spaces, or the standard spelling of administrative divisions) instead of rejecting the order.',
      },
      {
        zh: '二、协助更改不涉及主办单位名称、证件号码、负责人身份证件号码、手机号码、网站域名等关键信息的实质内容；此类信息有误的，接入商将驳回订单并说明原因，由您自行修改。',
        en: '2. Assisted correction never changes the substance of key data: the sponsor name, certificate numbers, ID numbers, mobiles or domains. If those are wrong, the provider rejects the order with the reason and you correct it yourself.',
      },
      {
        zh: '三、每一次协助更改均会记录更改前后的内容、操作人和时间，您可在备案进度中查看；如您不认可更改，可在提交管局前联系接入商恢复原内容。',
        en: '3. Every assisted correction records the value before and after, who made it and when; you can see it in the progress of the order. If you disagree, contact the provider before the filing goes to the administration to restore your original entry.',
      },
      {
        zh: '四、协助更改服务免费提供。您确认经协助更改后的信息仍由您对其真实性负责。',
        en: '4. The service is free of charge. You remain responsible for the truth of the data after any assisted correction.',
      },
    ],
  },
];
