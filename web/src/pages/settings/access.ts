import type { SessionUser } from '@gongzhi/contracts';

/** The permissions behind the tabs of 办理设置, in tab order (then 字段定义 of the base data and 智能分拨). */
export const settingsPermissions = ['category:write', 'routing:write', 'calendar:write', 'basedata:define', 'classify:manage'] as const;

/** 办理设置 shows for whoever may change any of the loop's reference data (admin and data_admin in the demo). */
export const canConfigure = (user: SessionUser | null) => settingsPermissions.some((p) => user?.permissions.includes(p));
