import { roles, type Role } from '@gongzhi/contracts';
import { permissions, rolePermissions, type Permission, type Principal } from '../../platform/access.js';

export function userPrincipal(user: { id: string; username: string; display_name: string; role: string; scope_code: string; unit_id: string | null }): Principal {
  const role = roles.includes(user.role as Role) ? (user.role as Role) : 'citizen';
  return {
    kind: 'user',
    id: user.id,
    name: user.username,
    displayName: user.display_name,
    role,
    scopeCode: user.scope_code,
    unitId: user.unit_id,
    permissions: new Set(rolePermissions[role]),
  };
}

export function apiKeyPrincipal(key: { id: string; name: string; scope_code: string; permissions: string[] }): Principal {
  const granted = key.permissions.filter((p): p is Permission => (permissions as readonly string[]).includes(p));
  return { kind: 'api_key', id: key.id, name: key.name, displayName: key.name, role: null, scopeCode: key.scope_code, unitId: null, permissions: new Set(granted) };
}
