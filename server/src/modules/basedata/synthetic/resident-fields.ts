/**
 * The 143 fields of a resident record (居民信息采集表) as data: what a grid worker collects about a
 * person, in the order of the form. Coded answers use the national code tables where there is one
 * (GB/T 2261 gender, marriage, health and employment; GB 3304 ethnicity; GB/T 4658 education;
 * GB/T 4762 political status; GB/T 4761 family relation; GB/T 6565 occupation; GB/T 26341 disability).
 */

export type ResidentFieldType = 'text' | 'number' | 'date' | 'choice' | 'boolean';

export interface ResidentFieldOption {
  value: string;
  labelZh: string;
}

export interface ResidentField {
  /** ascii snake_case, stable: the column name in imports and exports */
  key: string;
  labelZh: string;
  type: ResidentFieldType;
  options?: readonly ResidentFieldOption[];
}

/** `'1 男|2 女'` → options; the value is everything before the first space. */
const options = (list: string): ResidentFieldOption[] =>
  list.split('|').map((o) => ({ value: o.slice(0, o.indexOf(' ')), labelZh: o.slice(o.indexOf(' ') + 1) }));

const text = (key: string, labelZh: string): ResidentField => ({ key, labelZh, type: 'text' });
const num = (key: string, labelZh: string): ResidentField => ({ key, labelZh, type: 'number' });
const date = (key: string, labelZh: string): ResidentField => ({ key, labelZh, type: 'date' });
const flag = (key: string, labelZh: string): ResidentField => ({ key, labelZh, type: 'boolean' });
const choice = (key: string, labelZh: string, list: string): ResidentField => ({ key, labelZh, type: 'choice', options: options(list) });

/** GB 3304-1991 民族, with 97 and 98 for people whose ethnicity is not one of the 56. */
const ethnicityNames =
  '汉族 蒙古族 回族 藏族 维吾尔族 苗族 彝族 壮族 布依族 朝鲜族 满族 侗族 瑶族 白族 土家族 哈尼族 哈萨克族 傣族 黎族 傈僳族 佤族 畲族 高山族 拉祜族 水族 东乡族 纳西族 景颇族 柯尔克孜族 土族 达斡尔族 仫佬族 羌族 布朗族 撒拉族 毛南族 仡佬族 锡伯族 阿昌族 普米族 塔吉克族 怒族 乌孜别克族 俄罗斯族 鄂温克族 德昂族 保安族 裕固族 京族 塔塔尔族 独龙族 鄂伦春族 赫哲族 门巴族 珞巴族 基诺族';
export const ethnicityOptions: readonly ResidentFieldOption[] = [
  ...ethnicityNames.split(' ').map((labelZh, i) => ({ value: String(i + 1).padStart(2, '0'), labelZh })),
  { value: '97', labelZh: '其他' },
  { value: '98', labelZh: '外国血统中国籍人士' },
];

export const personTypes = options('huji 户籍人口|changzhu 常住人口|liudong 流动人口|jingwai 境外人员');
/** GB/T 4761-2008, the first level of each group. */
export const relationOptions = options('02 户主|10 配偶|20 子|30 女|40 孙子、孙女或外孙子、外孙女|50 父母|60 祖父母或外祖父母|70 兄、弟、姐、妹|80 其他亲属|99 非亲属');

const core: ResidentField[] = [
  text('name', '姓名'),
  text('id_number', '公民身份号码'),
  choice('gender', '性别', '0 未知的性别|1 男|2 女|9 未说明的性别'),
  date('birth_date', '出生日期'),
  { key: 'ethnicity', labelZh: '民族', type: 'choice', options: ethnicityOptions },
  text('phone', '联系电话'),
  { key: 'person_type', labelZh: '人员类型', type: 'choice', options: personTypes },
  text('grid_code', '所属网格'),
  text('address_code', '标准地址编码'),
  { key: 'relation', labelZh: '与户主关系', type: 'choice', options: relationOptions },
];

const extra: ResidentField[] = [
  // 基本信息
  text('former_name', '曾用名'),
  text('nationality', '国籍'),
  text('native_place', '籍贯'),
  text('birthplace', '出生地'),
  choice('blood_type', '血型', 'A A型|B B型|AB AB型|O O型|U 不详'),
  num('height_cm', '身高（厘米）'),
  choice('education', '文化程度', '11 博士研究生|14 硕士研究生|20 大学本科|30 大学专科|40 中等职业教育|60 普通高级中学|70 初级中学|80 小学|90 其他（含学龄前、未上学）'),
  text('graduated_from', '毕业院校'),
  text('major', '所学专业'),
  choice('political_status', '政治面貌', '01 中共党员|02 中共预备党员|03 共青团员|04 民革会员|05 民盟盟员|06 民建会员|07 民进会员|08 农工党党员|09 致公党党员|10 九三学社社员|11 台盟盟员|12 无党派人士|13 群众'),
  date('party_join_date', '入党日期'),
  text('party_organization', '党组织关系所在'),
  choice('marital_status', '婚姻状况', '10 未婚|20 已婚|21 初婚|22 再婚|23 复婚|30 丧偶|40 离婚|90 未说明的婚姻状况'),
  date('marriage_date', '结婚日期'),
  choice('religion', '宗教信仰', '00 无宗教信仰|10 佛教|20 道教|30 伊斯兰教|40 天主教|50 基督教|99 其他'),
  choice('military_service', '兵役状况', '0 未服兵役|1 退出现役|2 士兵预备役|3 军官预备役|4 服现役|9 不宜服兵役'),
  choice('health_status', '健康状况', '1 健康或良好|2 一般或较弱|3 有慢性病|6 残疾'),
  text('id_issuer', '身份证签发机关'),
  text('id_validity', '身份证有效期限'),
  text('email', '电子邮箱'),
  text('landline', '固定电话'),
  text('phone_alt', '备用电话'),
  // 户籍
  text('household_number', '户号'),
  choice('household_type', '户别', '1 家庭户|2 集体户'),
  text('household_head_name', '户主姓名'),
  text('household_head_id_number', '户主公民身份号码'),
  text('huji_region_code', '户籍地区划代码'),
  text('huji_address', '户籍地址'),
  text('huji_police_station', '户籍派出所'),
  flag('huji_matches_residence', '人户一致'),
  date('move_in_date', '迁入日期'),
  text('moved_from', '迁入前住址'),
  // 居住
  text('residence_address', '现住地址'),
  date('residence_since', '本地居住起始日期'),
  choice('dwelling_type', '住所类型', '1 自有住房|2 租赁房屋|3 单位宿舍|4 工地现场|5 借住|6 寄宿学校|9 其他'),
  num('floor_area', '居住面积（平方米）'),
  text('landlord_name', '房东姓名'),
  text('landlord_phone', '房东电话'),
  flag('rental_contract', '签订租赁合同'),
  num('household_size', '同住人数'),
  // 流动人口
  choice('inflow_reason', '流入原因', '01 务工|02 务农|03 经商|04 服务|05 投靠亲友|06 就学培训|07 因公出差|08 婚姻嫁娶|09 治病|10 保姆|99 其他'),
  choice('residence_permit_type', '办证类型', '1 居住证|2 居住登记|9 未办理'),
  text('residence_permit_number', '居住证号码'),
  date('residence_permit_date', '居住证登记日期'),
  date('residence_permit_expiry', '居住证有效期至'),
  flag('rent_registered', '出租房屋已登记'),
  // 境外人员
  text('foreign_surname', '外文姓'),
  text('foreign_given_name', '外文名'),
  text('foreign_nationality', '国籍（地区）'),
  choice('foreign_document_type', '境外人员证件种类', '11 普通护照|21 港澳居民来往内地通行证|22 台湾居民来往大陆通行证|31 外国人永久居留身份证|99 其他'),
  text('foreign_document_number', '境外人员证件号码'),
  date('foreign_document_expiry', '证件有效期至'),
  text('visa_type', '签证（注）种类'),
  choice('entry_purpose', '来华目的', '01 工作|02 学习|03 探亲|04 商务|05 旅游|06 定居|99 其他'),
  date('arrival_date', '抵达日期'),
  date('expected_departure_date', '预计离开日期'),
  // 就业与收入
  choice('employment_status', '从业状况', '11 国家公务员|13 专业技术人员|17 职员|21 企业管理人员|24 工人|27 农民|31 学生|37 现役军人|51 自由职业者|54 个体经营者|70 无业人员|80 退（离）休人员|90 其他'),
  choice('occupation_category', '职业类别', '1 负责人（党政机关、群团、企事业单位）|2 专业技术人员|3 办事人员和有关人员|4 社会生产服务和生活服务人员|5 农、林、牧、渔业生产及辅助人员|6 生产制造及有关人员|7 军人|8 不便分类的其他从业人员'),
  text('occupation', '职业'),
  text('employer', '工作单位'),
  text('employer_uscc', '工作单位统一社会信用代码'),
  text('employer_address', '单位地址'),
  text('work_phone', '单位电话'),
  num('monthly_income', '月收入（元）'),
  flag('registered_unemployed', '登记失业'),
  date('retirement_date', '退休日期'),
  // 社会保障
  choice('pension_insurance', '养老保险', '1 城镇职工基本养老保险|2 城乡居民基本养老保险|3 机关事业单位养老保险|9 未参保'),
  choice('medical_insurance', '医保类型', '1 职工基本医疗保险|2 城乡居民基本医疗保险|3 公费医疗|4 商业医疗保险|9 未参保'),
  flag('unemployment_insurance', '失业保险'),
  flag('work_injury_insurance', '工伤保险'),
  flag('maternity_insurance', '生育保险'),
  flag('housing_fund', '住房公积金'),
  flag('dibao', '低保对象'),
  text('dibao_certificate', '低保证号'),
  flag('tekun', '特困供养人员'),
  flag('low_income', '低收入家庭'),
  flag('temporary_assistance', '临时救助对象'),
  flag('elderly_allowance', '高龄津贴'),
  // 残疾
  choice('disability_category', '残疾类别', '1 视力残疾|2 听力残疾|3 言语残疾|4 肢体残疾|5 智力残疾|6 精神残疾|7 多重残疾'),
  choice('disability_grade', '残疾等级', '1 一级|2 二级|3 三级|4 四级'),
  text('disability_certificate', '残疾人证号'),
  flag('disability_subsidy', '残疾人两项补贴'),
  // 健康
  choice('chronic_disease', '慢性病', '0 无|1 高血压|2 糖尿病|3 心脑血管疾病|4 慢性呼吸系统疾病|9 其他'),
  flag('family_doctor', '签约家庭医生'),
  choice('self_care', '生活自理能力', '1 完全自理|2 部分自理|3 不能自理'),
  flag('serious_mental_disorder', '严重精神障碍患者'),
  flag('pregnant', '孕产妇'),
  // 老人与留守
  flag('lives_alone', '独居'),
  flag('empty_nest', '空巢老人'),
  choice('left_behind', '留守人员', '0 否|1 留守儿童|2 留守妇女|3 留守老人'),
  flag('needs_care', '需要照护'),
  text('guardian_name', '监护人姓名'),
  text('guardian_phone', '监护人电话'),
  // 家庭
  num('children_count', '子女数'),
  flag('only_child_family', '独生子女家庭'),
  text('school', '就读学校'),
  text('grade', '年级'),
  // 退役军人与优抚
  flag('veteran', '退役军人'),
  choice('veteran_type', '退役类别', '1 退役士兵|2 转业军官|3 复员干部|4 军队离退休干部|9 其他'),
  date('enlistment_date', '入伍日期'),
  date('discharge_date', '退役日期'),
  flag('preferential_treatment', '优抚对象'),
  flag('martyr_family', '烈士遗属'),
  // 重点人员
  flag('community_correction', '社区矫正对象'),
  flag('released_prisoner', '刑满释放人员'),
  flag('drug_rehabilitation', '社区戒毒（康复）人员'),
  flag('key_youth', '重点青少年'),
  flag('key_petitioner', '重点信访人员'),
  flag('under_attention', '重点关注人员'),
  text('attention_reason', '关注原因'),
  // 志愿服务
  flag('volunteer', '注册志愿者'),
  num('volunteer_hours', '志愿服务时长（小时）'),
  text('skills', '特长'),
  // 车辆与宠物
  flag('has_vehicle', '有机动车'),
  text('vehicle_plate', '车牌号码'),
  choice('vehicle_type', '车辆类型', '1 小型汽车|2 新能源汽车|3 摩托车|4 低速电动车|9 其他'),
  flag('has_ebike', '有电动自行车'),
  text('ebike_plate', '电动自行车号牌'),
  choice('pet', '宠物', '0 无|1 犬|2 猫|9 其他'),
  text('dog_license', '犬只登记证号'),
  text('dog_breed', '犬只品种'),
  flag('dog_vaccinated', '犬只已免疫'),
  // 紧急联系人
  text('emergency_contact_name', '紧急联系人'),
  choice('emergency_contact_relation', '紧急联系人关系', '1 配偶|2 子女|3 父母|4 兄弟姐妹|5 其他亲属|6 朋友|7 同事|9 其他'),
  text('emergency_contact_phone', '紧急联系人电话'),
  // 采集信息
  choice('status', '人员状态', '1 正常|2 已迁出|3 已死亡|4 失踪|5 注销'),
  choice('data_source', '数据来源', '1 网格员采集|2 部门共享|3 居民自主申报|4 批量导入'),
  text('collected_by', '采集人'),
  date('collected_at', '采集日期'),
  date('updated_at', '更新日期'),
  flag('verified', '已核实'),
  date('verified_at', '核实日期'),
  text('remarks', '备注'),
];

export const residentFields: readonly ResidentField[] = [...core, ...extra];
export const coreResidentFieldKeys: readonly string[] = core.map((f) => f.key);
export const extraResidentFields: readonly ResidentField[] = extra;
