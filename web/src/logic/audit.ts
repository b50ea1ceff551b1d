// The audit trail as people read it: the action's name, and what changed between the record before and after.
// Nothing is judged here: the entries and the chain's verification are the API's.

const ACTIONS: Record<string, string> = {
  APPLICATION_SUBMITTED: '提交申报',
  APPLICATION_CORRECTED: '补正后重新提交',
  APPLICATION_RETURNED: '退回补充',
  APPLICATION_REJECTED: '不予认定',
  APPLICATION_CERTIFIED: '予以认定',
  APPLICATION_WITHDRAWN: '撤回申报',
  DOCUMENT_DECLARED: '登记材料',
  DOCUMENT_DOWNLOAD_ISSUED: '签发材料下载地址',
  CERTIFICATION_RECORDED: '登记认定',
  CERTIFICATION_REVOKED: '撤销认定',
  CERTIFICATION_EXPIRED: '认定到期',
  CERTIFICATION_RECLASSIFIED: '改定分类',
  SUBSIDY_CREATED: '生成补助',
  SUBSIDY_REASSESSED: '重新核定补助',
  SUBSIDY_ON_NOTICE: '列入公示',
  SUBSIDY_NOTICE_PASSED: '公示期满',
  SUBSIDY_PAID: '登记拨付',
  SUBSIDY_CANCELLED: '取消补助',
  SUBSIDY_RECOVERED: '追回补助',
  NOTICE_OPENED: '发布公示',
  NOTICE_CLOSED: '公示结束',
  OBJECTION_LODGED: '收到异议',
  OBJECTION_UPHELD: '异议成立',
  OBJECTION_DISMISSED: '异议不成立',
  ORGANIZATION_CREATED: '建立单位信息',
  ORGANIZATION_UPDATED: '修改单位信息',
  ORGANIZATION_TIER_SET: '认定成长梯队',
  POOL_ENTERED: '入选培育库',
  COACHING_RECORDED: '记录培训辅导',
  READINESS_RECORDED: '记录认定条件自查',
  APPLICATION_WINDOW_OPENED: '开放申报窗口',
  IMPORT_CREATED: '登记名单导入',
  POLICY_PARAMETER_PROPOSED: '提出参数修改',
  POLICY_PARAMETER_APPROVED: '批准参数修改',
  RECOGNITION_COUNTED: '计入工作目标',
  PLATFORM_LEVEL_PAID: '记录平台已补助级别',
};

/** The action's name; an action this console does not know yet is shown as its code. */
export function actionName(action: string): string {
  return ACTIONS[action] ?? action;
}

const FIELDS: Record<string, string> = {
  applicationId: '申报编号',
  certificationId: '认定编号',
  subsidyId: '补助编号',
  uscc: '统一社会信用代码',
  kind: '认定类型',
  level: '认定级别',
  renewal: '重新认定',
  submittedAt: '提交时间',
  updatedAt: '更新时间',
  createdAt: '创建时间',
  status: '状态',
  amountYuan: '金额（元）',
  reason: '理由',
  note: '备注',
  notes: '说明',
  explanation: '依据',
  clause: '条款',
  paidOn: '拨付日期',
  voucherNo: '凭证号',
  name: '名称',
  platformName: '平台名称',
  certificateNo: '证书编号',
  issuedOn: '发证日期',
  expiresOn: '有效期至',
  authority: '认定机关',
  county: '县（区）',
  industry: '产业',
  growthTier: '成长梯队',
  contactEmail: '联系邮箱',
  classification: '分类',
  value: '参数值',
  proposedBy: '提出人',
  approvedBy: '批准人',
  title: '标题',
};

export function fieldName(field: string): string {
  return FIELDS[field] ?? field;
}

export interface Change {
  field: string;
  before: string;
  after: string;
}

const LONGEST = 200;

function shown(value: unknown): string {
  if (value === undefined || value === null || value === '') return '—';
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > LONGEST ? `${text.slice(0, LONGEST)}…` : text;
}

function asRecord(value: unknown): Record<string, unknown> | null {
  if (value === null || value === undefined) return null;
  return typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : { value };
}

/**
 * What the entry changed: the fields of the record after whose value differs from before, in their order (every field
 * of a new record). An entry may keep only the fields a step wrote (a decision's `after` is its status and reason):
 * a field it leaves out stayed as it was; a record removed shows what it held.
 */
export function changes(before: unknown, after: unknown): Change[] {
  const b = asRecord(before) ?? {};
  const a = asRecord(after);
  const fields = a ? Object.keys(a) : Object.keys(b);
  return fields
    .filter((f) => JSON.stringify(b[f] ?? null) !== JSON.stringify(a?.[f] ?? null))
    .map((f) => ({ field: f, before: shown(b[f]), after: shown(a?.[f]) }));
}
