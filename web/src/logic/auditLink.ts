// Where a record's audit trail is opened, kept apart from the trail's names (logic/audit.ts), which only that page loads.

/** The audited records a console page links to, and how their keys are written (openapi.yaml's EntityQuery). */
export const ENTITY_TYPES: { prefix: string; name: string }[] = [
  { prefix: 'APP', name: '申报' },
  { prefix: 'CERT', name: '认定' },
  { prefix: 'SUB', name: '补助' },
  { prefix: 'ORG', name: '单位' },
  { prefix: 'NOTICE', name: '公示' },
  { prefix: 'IMPORT', name: '名单导入' },
  { prefix: 'POLICY', name: '政策参数' },
  { prefix: 'DOWNLOADS', name: '材料下载' },
];

export function entityKey(prefix: string, id: string): string {
  return `${prefix}#${id}`;
}

/** "SUB#sub-1" → { prefix: "SUB", id: "sub-1" }; a key without "#" has no prefix. */
export function splitEntity(entity: string): { prefix: string; id: string } {
  const at = entity.indexOf('#');
  return at < 0 ? { prefix: '', id: entity } : { prefix: entity.slice(0, at), id: entity.slice(at + 1) };
}

/** The console page where an audit trail is opened for a record: /audit-trail?entity=… */
export function auditLink(prefix: string, id: string): { path: string; query: { entity: string } } {
  return { path: '/audit-trail', query: { entity: entityKey(prefix, id) } };
}
