import type { Bilingual } from './i18n.js';

/**
 * Every stable error code the API returns, with its message in both languages.
 * Clients branch on `code`; people read the message.
 */
export const messages = {
  'auth.required': { zh: '请先登录。', en: 'Please sign in first.' },
  'auth.invalid_credentials': { zh: '用户名或密码不正确。', en: 'Wrong username or password.' },
  'auth.locked': {
    zh: '连续登录失败次数过多，账号已锁定，请于 {minutes} 分钟后再试或联系管理员。',
    en: 'Too many failed sign-in attempts: the account is locked. Try again in {minutes} minutes or ask an administrator.',
  },
  'auth.disabled': { zh: '账号已停用，请联系管理员。', en: 'This account is disabled. Please contact an administrator.' },
  'auth.csrf': { zh: '请求缺少有效的 CSRF 令牌，请刷新页面后重试。', en: 'Missing or invalid CSRF token. Reload the page and try again.' },
  'auth.api_key_invalid': { zh: 'API 密钥无效、已过期或已吊销。', en: 'The API key is invalid, expired or revoked.' },
  'access.forbidden': { zh: '您的角色无权执行此操作。', en: 'Your role is not allowed to do this.' },
  'request.invalid': { zh: '请求参数有误，请检查后重试。', en: 'The request is invalid; please check it and try again.' },
  'request.malformed': { zh: '请求体不是有效的 JSON。', en: 'The request body is not valid JSON.' },
  'request.too_large': { zh: '请求体过大。', en: 'The request body is too large.' },
  'request.unsupported_media': { zh: '不支持的内容类型，请使用 application/json。', en: 'Unsupported content type; use application/json.' },
  'route.not_found': { zh: '接口不存在。', en: 'No such endpoint.' },
  'conflict.duplicate': { zh: '数据已存在（{constraint}）。', en: 'This already exists ({constraint}).' },
  internal: { zh: '服务器内部错误，请稍后再试。错误编号：{requestId}', en: 'Internal server error; please try again later. Error id: {requestId}' },
  'region.not_found': { zh: '未找到区划 {code}，或不在您的管辖范围内。', en: 'Region {code} not found or outside your jurisdiction.' },
  'region.not_community': { zh: '{code} 不是社区/村一级区划，网格只能划在社区/村内。', en: '{code} is not a community or village; grids belong to a community.' },
  'region.parent_mismatch': { zh: '区划代码 {code} 的上级应为 {expected}。', en: 'Division code {code} should have parent {expected}.' },
  'grid.not_found': { zh: '未找到网格 {code}，或不在您的管辖范围内。', en: 'Grid {code} not found or outside your jurisdiction.' },
  'grid.outside_community': { zh: '所绘网格与社区 {community} 的边界没有重叠。', en: 'The drawn grid does not overlap community {community}.' },
  'grid.invalid_geometry': { zh: '网格图形无效：{reason}', en: 'Invalid grid geometry: {reason}' },
  'grid.swallows_neighbour': {
    zh: '新图形会完全覆盖网格 {code}，请先撤销该网格或缩小图形。',
    en: 'The new shape would cover grid {code} entirely; retire that grid first or draw a smaller shape.',
  },
  'grid.upload_overlap': { zh: '上传的第 {first} 个与第 {second} 个网格相互重叠。', en: 'Uploaded grids {first} and {second} overlap.' },
  'grid.retired': { zh: '网格 {code} 已撤销，不能修改。', en: 'Grid {code} is retired and cannot be changed.' },
  'grid.code_exhausted': { zh: '社区 {community} 的网格顺序码已用尽（最多 999 个）。', en: 'Community {community} has no grid sequence numbers left (999 at most).' },
  'grid.staff_invalid': { zh: '用户 {user} 不能担任该网格的人员：{reason}', en: 'User {user} cannot be staff of this grid: {reason}' },
  'geometry.engine_failed': {
    zh: '空间计算失败（图形可能过于复杂或存在拓扑问题），请简化图形后重试。',
    en: 'The spatial computation failed (the shape may be too complex or topologically broken); simplify it and try again.',
  },
  'locate.outside': { zh: '该位置（{lng}, {lat}）不在本平台管辖的任何网格内。', en: 'The point ({lng}, {lat}) is outside every jurisdiction of this platform.' },
  'user.not_found': { zh: '未找到用户，或不在您的管辖范围内。', en: 'User not found or outside your jurisdiction.' },
  'user.scope_outside': { zh: '不能把账号的管辖范围设在您自己的范围 {scope} 之外。', en: 'You cannot give an account a scope outside your own ({scope}).' },
  'user.scope_unknown': { zh: '管辖范围 {scope} 不是已知的区划或网格代码。', en: 'Scope {scope} is not a known division or grid code.' },
  'user.unit_required': { zh: '处置人员必须属于一个单位。', en: 'A department handler must belong to a unit.' },
  'unit.not_found': { zh: '未找到单位 {id}。', en: 'Unit {id} not found.' },
  'apikey.not_found': { zh: '未找到 API 密钥。', en: 'API key not found.' },
  'apikey.permission_unknown': { zh: '未知权限：{permission}', en: 'Unknown permission: {permission}' },
  // the case loop
  'case.not_found': { zh: '未找到案件 {ref}，或不在您的管辖范围内。', en: 'Case {ref} not found or outside your jurisdiction.' },
  'case.stale': {
    zh: '案件已被他人处理（当前版本 {current}，您看到的是 {sent}），请刷新后再操作。',
    en: 'Someone else has already acted on this case (version {current}, you saw {sent}); reload it and try again.',
  },
  'case.invalid_transition': { zh: '案件当前状态为“{state}”，不能执行“{action}”。', en: 'A case in state "{state}" cannot take the action "{action}".' },
  'case.outside_jurisdiction': { zh: '该位置（{lng}, {lat}）不在本平台的网格范围内，无法上报。', en: 'The point ({lng}, {lat}) is outside every grid of this platform; it cannot be reported.' },
  'case.report_outside_scope': { zh: '该位置不在您的管辖网格内，请在本网格内上报。', en: 'This point is outside your jurisdiction; report inside your own grid.' },
  'case.category_unknown': { zh: '未知或已停用的案件类别：{code}', en: 'Unknown or inactive case category: {code}' },
  'case.category_mismatch': {
    zh: '类别编码 {code} 与所填上级类别或类型不一致：小类编码是上级编码加两位数字，C 为部件、E 为事件、S 为社会治理。',
    en: 'Category code {code} does not match the parent or kind given: a type is its class code plus two digits; C is a component, E an event, S social governance.',
  },
  'case.category_major': { zh: '请选择具体的小类，而不是大类 {code}。', en: 'Choose a specific type, not the major class {code}.' },
  'case.unit_unknown': { zh: '未找到单位 {id}。', en: 'Unit {id} not found.' },
  'case.unit_twice': { zh: '牵头单位不能同时作为协办单位。', en: 'The lead unit cannot also be an assisting unit.' },
  'case.merge_target': { zh: '不能合并到案件 {number}：目标案件须为本辖区内另一件未结案件。', en: 'Cannot merge into {number}: the target must be another open case in your jurisdiction.' },
  'case.request_pending': { zh: '已有一项待审批的延期或挂起申请。', en: 'A request for an extension or suspension is already pending.' },
  'case.request_not_found': { zh: '未找到待审批的申请 {id}。', en: 'No pending request {id}.' },
  'case.top_level': { zh: '案件已在区级指挥中心，无法继续上报。', en: 'The case is already at the district command centre; it cannot go higher.' },
  'case.already_rated': { zh: '该案件已评价。', en: 'This case has already been rated.' },
  'case.idempotency_key': { zh: 'Idempotency-Key 应为 8–64 位字母、数字或连字符。', en: 'Idempotency-Key must be 8–64 letters, digits or hyphens.' },
  'case.idempotency_mismatch': { zh: '同一 Idempotency-Key 已用于另一内容的上报。', en: 'This Idempotency-Key was already used for a different report.' },
  'file.not_found': { zh: '未找到文件，或您无权查看。', en: 'File not found or not visible to you.' },
  'file.type': { zh: '只接受 JPEG、PNG 或 WebP 图片（收到的是 {type}）。', en: 'Only JPEG, PNG or WebP images are accepted (got {type}).' },
  'file.too_large': { zh: '图片不能超过 {mb} MB。', en: 'An image may not exceed {mb} MB.' },
  'file.missing': { zh: '请求中没有文件（表单字段 file）。', en: 'The request carries no file (form field "file").' },
  'file.not_attachable': { zh: '照片 {id} 不存在、不是您上传的或已被使用。', en: 'Photo {id} does not exist, was not uploaded by you, or is already attached.' },
  'routing.not_found': { zh: '未找到分拨规则。', en: 'Routing rule not found.' },
  // work calendar
  'calendar.day_invalid': { zh: '{day} 不是有效的日期。', en: '{day} is not a valid date.' },
  'calendar.holiday_on_weekend': {
    zh: '{day} 是周末，本来就不上班，不能设为节假日；只需登记工作日（周一至周五）放假的日期。',
    en: '{day} is a Saturday or Sunday, already a day off: only weekdays (Monday–Friday) can be set as holidays.',
  },
  'calendar.workday_on_weekday': {
    zh: '{day} 是工作日（周一至周五），本来就上班，不能设为调休上班日；只有周六、周日可以设为调休上班。',
    en: '{day} is a weekday (Monday–Friday), already a working day: only a Saturday or Sunday can be set as a make-up working day.',
  },
  'calendar.day_not_found': { zh: '工作日历中没有 {day} 的特殊安排。', en: 'The work calendar has no exception on {day}.' },
} satisfies Record<string, Bilingual>;

export type MessageCode = keyof typeof messages;

/** Field-level messages for validation issues whose zod message is one of these keys. */
export const fieldMessages: Record<string, Bilingual> = {
  'division_code.format': { zh: '应为 12 位统计用区划代码', en: 'must be a 12-digit division code' },
  'grid_code.format': { zh: '应为 15 位网格编码', en: 'must be a 15-digit grid code' },
  'scope_code.format': { zh: '应为 12 位区划代码或 15 位网格编码', en: 'must be a 12-digit division code or a 15-digit grid code' },
  'username.format': { zh: '用户名为 3–32 位小写字母、数字、点、下划线或连字符', en: 'username: 3–32 lowercase letters, digits, dots, underscores or hyphens' },
  'phone.format': { zh: '应为 11 位手机号码', en: 'must be an 11-digit mobile number' },
  'geometry.ring_not_closed': { zh: '多边形的环未闭合（首尾坐标应相同）', en: 'polygon ring is not closed (first and last positions must match)' },
  'request.empty': { zh: '至少需要修改一项', en: 'change at least one field' },
  'reason.required': { zh: '请填写理由（至少 2 个字）', en: 'give a reason (at least 2 characters)' },
  'note.required': { zh: '请填写说明（至少 2 个字）', en: 'write a note (at least 2 characters)' },
  'description.too_short': { zh: '问题描述至少 5 个字', en: 'describe the problem in at least 5 characters' },
  'case_number.format': { zh: '案件编号格式应为 370303-20261122-00042', en: 'a case number looks like 370303-20261122-00042' },
};
