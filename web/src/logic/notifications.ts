import type { Notification } from '../api/types';

// What an applicant's notification is about, and what became of its mail (openapi.yaml's Notification).
export const NOTIFICATION_EVENT: Record<Notification['event'], string> = {
  APPLICATION_RECEIVED: '申报已受理',
  APPLICATION_RETURNED: '申报退回补充',
  APPLICATION_REJECTED: '不予认定',
  CERTIFIED: '已认定',
  SUBSIDY_CALCULATED: '补助金额已核定',
  SUBSIDY_ON_NOTICE: '补助公示中',
  SUBSIDY_PAID: '补助已拨付',
};

export const NOTIFICATION_STATUS: Record<Notification['status'], { label: string; tag: 'primary' | 'warning' | 'success' | 'danger' | 'info' }> = {
  SENDING: { label: '邮件发送中', tag: 'primary' },
  SENT: { label: '邮件已发送', tag: 'success' },
  REJECTED: { label: '邮箱地址被拒收', tag: 'danger' },
  NO_ADDRESS: { label: '未留联系邮箱', tag: 'info' },
  FAILED: { label: '发送失败，将重试', tag: 'warning' },
};
