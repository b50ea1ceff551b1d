import { createRouter, createWebHistory, type RouteRecordRaw } from 'vue-router';
import type { Role } from './auth/claims';
import { hasRole, session, signIn } from './auth/session';

// Console routes never share a path with an API route (/organizations, /applications, /policy, …): a reload of any
// page reaches the console, not the API. Staff and finance pages are separate chunks, loaded only by those roles.
declare module 'vue-router' {
  interface RouteMeta {
    title: string;
    roles?: Role[];
  }
}

const routes: RouteRecordRaw[] = [
  { path: '/', component: () => import('./views/public/PolicyView.vue'), meta: { title: '补助政策' } },
  { path: '/progress', component: () => import('./views/public/ProgressView.vue'), meta: { title: '工作目标进展' } },
  { path: '/public-notices', component: () => import('./views/public/PublicNoticesView.vue'), meta: { title: '补助公示' } },
  { path: '/public-notices/:id', component: () => import('./views/public/PublicNoticeView.vue'), meta: { title: '补助公示' } },
  { path: '/signed-in', component: () => import('./views/SignedInView.vue'), meta: { title: '登录' } },
  { path: '/callback', component: () => import('./views/SignedInView.vue'), meta: { title: '登录' } },
  { path: '/org', component: () => import('./views/applicant/ProfileView.vue'), meta: { title: '单位信息', roles: ['applicant'] } },
  { path: '/apply', component: () => import('./views/applicant/ApplyView.vue'), meta: { title: '新建申报', roles: ['applicant'] } },
  { path: '/my', component: () => import('./views/applicant/MyApplicationsView.vue'), meta: { title: '我的申报', roles: ['applicant'] } },
  { path: '/my/:id', component: () => import('./views/applicant/MyApplicationView.vue'), meta: { title: '申报详情', roles: ['applicant'] } },
  { path: '/my-subsidies', component: () => import('./views/applicant/MySubsidiesView.vue'), meta: { title: '我的补助', roles: ['applicant'] } },
  { path: '/review', component: () => import('./views/staff/QueueView.vue'), meta: { title: '申报审核', roles: ['staff', 'supervisor', 'finance'] } },
  { path: '/review/:id', component: () => import('./views/staff/ReviewView.vue'), meta: { title: '申报详情', roles: ['staff', 'supervisor', 'finance'] } },
  { path: '/certs', component: () => import('./views/staff/CertificationsView.vue'), meta: { title: '认定记录', roles: ['staff', 'supervisor', 'finance'] } },
  { path: '/params', component: () => import('./views/staff/ParametersView.vue'), meta: { title: '政策参数', roles: ['staff', 'supervisor'] } },
  { path: '/payments', component: () => import('./views/finance/PaymentsView.vue'), meta: { title: '补助拨付', roles: ['finance', 'staff', 'supervisor'] } },
  { path: '/notice-desk', component: () => import('./views/notices/NoticesView.vue'), meta: { title: '补助公示管理', roles: ['staff', 'finance', 'supervisor'] } },
  { path: '/notice-desk/:id', component: () => import('./views/notices/NoticeView.vue'), meta: { title: '公示详情', roles: ['staff', 'finance', 'supervisor'] } },
  { path: '/funds', component: () => import('./views/finance/LedgerView.vue'), meta: { title: '补助资金台账', roles: ['finance', 'supervisor'] } },
  { path: '/orgs', component: () => import('./views/orgs/DirectoryView.vue'), meta: { title: '组织名录', roles: ['staff', 'supervisor'] } },
  { path: '/orgs/:uscc', component: () => import('./views/orgs/OrgView.vue'), meta: { title: '单位详情', roles: ['staff', 'supervisor'] } },
  { path: '/list-imports', component: () => import('./views/imports/ImportsView.vue'), meta: { title: '名单导入', roles: ['staff', 'supervisor'] } },
  { path: '/list-imports/:id', component: () => import('./views/imports/ImportView.vue'), meta: { title: '导入详情', roles: ['staff', 'supervisor'] } },
  { path: '/my-notifications', component: () => import('./views/applicant/NotificationsView.vue'), meta: { title: '我的通知', roles: ['applicant'] } },
  { path: '/reserve-pool', component: () => import('./views/cultivation/PoolView.vue'), meta: { title: '高企培育库', roles: ['staff', 'supervisor'] } },
  { path: '/cultivation-stats', component: () => import('./views/cultivation/StatisticsView.vue'), meta: { title: '培育统计', roles: ['staff', 'finance', 'supervisor'] } },
  { path: '/audit-trail', component: () => import('./views/audit/AuditTrailView.vue'), meta: { title: '变更记录', roles: ['staff', 'supervisor'] } },
  { path: '/:rest(.*)*', component: () => import('./views/NotFoundView.vue'), meta: { title: '页面不存在' } },
];

export const router = createRouter({
  history: createWebHistory(),
  routes,
  scrollBehavior: () => ({ top: 0 }),
});

router.beforeEach(async (to) => {
  const roles = to.meta.roles;
  if (!roles) return true;
  if (!session.claims) {
    await signIn(to.fullPath);
    return false;
  }
  return hasRole(...roles) ? true : { path: '/', query: { denied: to.path } };
});

router.afterEach((to) => {
  document.title = `${to.meta.title} · 毕节市创新平台补助系统`;
});
