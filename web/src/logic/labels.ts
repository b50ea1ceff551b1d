import type { ApplicationStatus, GrowthTier, ImportRow, ImportStatus, Industry, NoticeStatus, ObjectionStatus, SubsidyStatus } from '../api/types';

// Status names people read (openapi.yaml's descriptions of each enum); codes for kinds, levels, counties and
// industries come from GET /policy instead (usePolicy), so they have one source.
export const APPLICATION_STATUS: Record<ApplicationStatus, { label: string; tag: 'primary' | 'warning' | 'success' | 'danger' | 'info' }> = {
  SUBMITTED: { label: '已提交，待审核', tag: 'primary' },
  RETURNED: { label: '退回补充', tag: 'warning' },
  CERTIFIED: { label: '已认定', tag: 'success' },
  REJECTED: { label: '不予认定', tag: 'danger' },
  WITHDRAWN: { label: '已撤回', tag: 'info' },
};

// in the order money moves: amount → 公示 → payment → recovery (the filters list them so)
export const SUBSIDY_STATUS: Record<SubsidyStatus, { label: string; tag: 'primary' | 'warning' | 'success' | 'danger' | 'info' }> = {
  PENDING_AMOUNT: { label: '待定金额', tag: 'warning' },
  AWAITING_NOTICE: { label: '待公示', tag: 'warning' },
  ON_NOTICE: { label: '公示中', tag: 'primary' },
  HELD: { label: '暂缓拨付', tag: 'danger' },
  AWAITING_PAYMENT: { label: '待拨付', tag: 'primary' },
  PAID: { label: '已拨付', tag: 'success' },
  CANCELLED: { label: '已取消', tag: 'info' },
  NOT_PAYABLE: { label: '不予补助', tag: 'info' },
  RECOVERY_DUE: { label: '待追回', tag: 'danger' },
  RECOVERED: { label: '已追回', tag: 'info' },
};

export const NOTICE_STATUS: Record<NoticeStatus, { label: string; tag: 'primary' | 'info' }> = {
  OPEN: { label: '公示中', tag: 'primary' },
  CLOSED: { label: '已结束', tag: 'info' },
};

export const OBJECTION_STATUS: Record<ObjectionStatus, { label: string; tag: 'warning' | 'danger' | 'info' }> = {
  LODGED: { label: '待处理', tag: 'warning' },
  UPHELD: { label: '异议成立', tag: 'danger' },
  DISMISSED: { label: '异议不成立', tag: 'info' },
};

export const IMPORT_STATUS: Record<ImportStatus, { label: string; tag: 'primary' | 'warning' | 'success' | 'danger' | 'info' }> = {
  AWAITING_UPLOAD: { label: '待上传', tag: 'info' },
  PROCESSING: { label: '导入中', tag: 'primary' },
  COMPLETED: { label: '已完成', tag: 'success' },
  COMPLETED_WITH_ERRORS: { label: '已完成（部分行有误）', tag: 'warning' },
  REJECTED: { label: '文件无法导入', tag: 'danger' },
};

export const IMPORT_ROW_OUTCOME: Record<ImportRow['outcome'], string> = {
  RECORDED: '已记录',
  SKIPPED: '跳过（此前已记录）',
  REJECTED: '未通过校验',
  OUTSIDE: '非毕节市（未处理）',
  UNMATCHED: '待人工核对',
};

export const CERTIFICATION_STATUS: Record<string, { label: string; tag: 'success' | 'info' | 'danger' }> = {
  ACTIVE: { label: '有效', tag: 'success' },
  EXPIRED: { label: '已到期', tag: 'info' },
  REVOKED: { label: '已撤销', tag: 'danger' },
};

export const DOCUMENT_CATEGORY: Record<string, string> = {
  CERTIFICATE: '认定证书',
  APPROVAL_DOCUMENT: '批准文件',
  FINANCIAL: '财务资料',
  OTHER: '其他',
};

export function formatTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  return new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** Today in Asia/Shanghai as YYYY-MM-DD (the API's dates are Shanghai dates). */
export function todayInShanghai(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
}

// GET /policy does not (yet) return `industries` and `growthTiers` although openapi.yaml's Policy names them; until it
// does, their names come from openapi.yaml's enum descriptions. Typed by the generated enums, so a new code is a type
// error here rather than a blank label.
export const INDUSTRIES: Record<Industry, string> = {
  EQUIPMENT_MANUFACTURING: '装备制造',
  ELECTRONIC_INFORMATION: '电子信息',
  NEW_MATERIALS: '新材料',
  PHOTOELECTRIC_ENERGY_STORAGE: '光电储能',
  BIOMEDICINE: '生物医药',
  NEW_COAL_CHEMICAL: '新型煤化工',
  OTHER: '其他',
};

export const GROWTH_TIERS: Record<GrowthTier, string> = {
  STUDENT_STARTUP: '大学生创业企业',
  SEED: '种子企业',
  LITTLE_GIANT_GROWING: '小巨人成长企业',
  LITTLE_GIANT: '小巨人企业',
  INNOVATION_LEADER: '创新型领军企业',
};

export function asCodes(names: Record<string, string>): { code: string; name: string }[] {
  return Object.entries(names).map(([code, name]) => ({ code, name }));
}
