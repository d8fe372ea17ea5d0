import { createContext, useContext, useMemo, useState, type ReactNode } from 'react';
import { setApiLanguage } from '../api/client';

export type Lang = 'zh' | 'en';

const dictionary = {
  product: ['共治 · 网格化社会治理', 'Gongzhi · Grid governance'],
  login: ['登录', 'Sign in'],
  logout: ['退出', 'Sign out'],
  username: ['用户名', 'Username'],
  password: ['密码', 'Password'],
  loginTitle: ['网格化社会治理平台', 'Grid-based social governance platform'],
  gridMap: ['网格地图', 'Grid map'],
  regions: ['区划', 'Regions'],
  grids: ['网格', 'Grids'],
  gridCode: ['网格编码', 'Grid code'],
  name: ['名称', 'Name'],
  type: ['类型', 'Type'],
  area: ['面积', 'Area'],
  hectares: ['公顷', 'ha'],
  community: ['所属社区', 'Community'],
  street: ['所属街道', 'Street'],
  head: ['网格长', 'Grid head'],
  workers: ['网格员', 'Grid workers'],
  none: ['未配置', 'None'],
  comprehensive: ['综合网格', 'Comprehensive'],
  dedicated: ['专属网格', 'Dedicated'],
  dedicatedKind: ['专属类型', 'Dedicated kind'],
  state: ['状态', 'State'],
  active: ['在用', 'Active'],
  retired: ['已撤销', 'Retired'],
  search: ['搜索网格编码或名称', 'Search grid code or name'],
  code: ['代码', 'Code'],
  gridCount: ['网格数', 'Grids'],
  childCount: ['下级区划', 'Subdivisions'],
  areaKm2: ['面积（平方千米）', 'Area (km²)'],
  boundarySource: ['边界来源', 'Boundary'],
  imported: ['官方数据', 'Official data'],
  generated: ['系统生成（示意）', 'Generated (illustrative)'],
  uploaded: ['已上传', 'Uploaded'],
  newGrid: ['新建网格', 'New grid'],
  edit: ['编辑', 'Edit'],
  retire: ['撤销网格', 'Retire grid'],
  retireReason: ['撤销原因', 'Reason'],
  assignStaff: ['分配人员', 'Assign staff'],
  drawOnMap: ['在地图上绘制', 'Draw on map'],
  drawHint: ['在地图上依次单击各顶点，双击或点“完成”结束', 'Click each vertex on the map; double-click or press Done to finish'],
  finish: ['完成', 'Done'],
  cancel: ['取消', 'Cancel'],
  save: ['保存', 'Save'],
  uploadGeojson: ['上传 GeoJSON', 'Upload GeoJSON'],
  shapeReady: ['图形已就绪', 'Shape ready'],
  shapeMissing: ['请先绘制或上传图形', 'Draw or upload a shape first'],
  badGeojson: ['文件不是有效的多边形 GeoJSON', 'The file is not a polygon GeoJSON'],
  saved: ['已保存', 'Saved'],
  accounts: ['账号管理', 'Accounts'],
  scope: ['管辖范围', 'Scope'],
  audit: ['审计日志', 'Audit log'],
  searchUsers: ['搜索用户名或姓名', 'Search username or name'],
  newUser: ['新建账号', 'New account'],
  role: ['角色', 'Role'],
  unit: ['所属单位', 'Unit'],
  phone: ['手机号码', 'Mobile'],
  scopeCode: ['管辖范围代码（12 位区划或 15 位网格）', 'Scope code (12-digit division or 15-digit grid)'],
  disabled: ['已停用', 'Disabled'],
  locked: ['已锁定', 'Locked'],
  enable: ['启用', 'Enable'],
  disable: ['停用', 'Disable'],
  resetPassword: ['重置密码', 'Reset password'],
  time: ['时间', 'Time'],
  action: ['操作', 'Action'],
  target: ['对象', 'Target'],
  detail: ['详情', 'Detail'],
  uploadBoundary: ['上传真实边界', 'Upload real boundary'],
  uploadGrids: ['上传社区网格', 'Upload community grids'],
  uploadGridsConfirm: ['将以上传的 {n} 个网格替换本社区现有网格（原网格撤销并保留编码），确定？', 'Replace this community\'s grids with the {n} uploaded ones? The current grids are retired and keep their codes.'],
  selectHint: ['在地图、区划树或表格中选择街道、社区或网格', 'Pick a street, community or grid on the map, the tree or the table'],
  jurisdiction: ['管辖范围：', 'Jurisdiction: '],
  total: ['共 {n} 个', '{n} in all'],
  role_admin: ['系统管理员', 'Administrator'],
  role_leader: ['领导', 'Leader'],
  role_dispatcher: ['派遣员', 'Dispatcher'],
  role_handler: ['处置人员', 'Department handler'],
  role_verifier: ['监督员', 'Verifier'],
  role_grid_worker: ['网格员', 'Grid worker'],
  role_data_admin: ['数据管理员', 'Data administrator'],
  role_citizen: ['居民', 'Citizen'],
} as const;

export type MessageKey = keyof typeof dictionary;
type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

const I18nContext = createContext<{ lang: Lang; setLang: (l: Lang) => void; t: Translate }>(null!);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(() => (localStorage.getItem('gongzhi.lang') === 'en' ? 'en' : 'zh'));
  setApiLanguage(lang === 'en' ? 'en' : 'zh-CN');
  const value = useMemo(() => {
    const t: Translate = (key, params = {}) =>
      dictionary[key][lang === 'en' ? 1 : 0].replace(/\{(\w+)\}/g, (_, k: string) => String(params[k] ?? ''));
    const setLang = (l: Lang) => {
      localStorage.setItem('gongzhi.lang', l);
      setLangState(l);
    };
    return { lang, setLang, t };
  }, [lang]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export const useI18n = () => useContext(I18nContext);

/** Numbers and areas in the conventions of Chinese government systems: thousands separators, m² and 公顷. */
export const formatArea = (m2: number, t: Translate) =>
  `${Math.round(m2).toLocaleString('zh-CN')} m²（${(m2 / 10_000).toLocaleString('zh-CN', { maximumFractionDigits: 2 })} ${t('hectares')}）`;
