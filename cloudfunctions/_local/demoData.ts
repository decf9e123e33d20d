import type { CategoryKind } from '../../types/menu';
import type { Role, Skill } from '../../types/users';

/** The demo community of local mode: 假日润园社区, after the seed article it comes from. */
export const DEMO_COMMUNITY = { _id: 'c_jiariruyuan', name: '假日润园社区', street: '翠屏街道' };
export const OTHER_COMMUNITY = { _id: 'c_wenhuali', name: '文化里社区', street: '翠屏街道' };

export interface DemoUser {
  key: string;
  name: string;
  role: Role;
  phone: string;
  building: string;
  room: string;
  elderly?: boolean;
  branch?: string;
  skills?: Skill[];
  communityId?: string;
}

export const DEMO_USERS: DemoUser[] = [
  { key: 'staff-li', name: '李红梅', role: 'staff', phone: '13800000001', building: '社区党群服务中心', room: '网格员' },
  { key: 'member-zhang', name: '张建国', role: 'member', phone: '13800000011', building: '3号楼', room: '2单元301', branch: '假日润园社区第一党支部', skills: ['家电维修', '水电维修'] },
  { key: 'member-liu', name: '刘芳', role: 'member', phone: '13800000012', building: '5号楼', room: '1单元502', branch: '区人民医院党支部', skills: ['医疗健康', '陪伴照护'] },
  { key: 'member-chen', name: '陈明', role: 'member', phone: '13800000013', building: '8号楼', room: '3单元201', branch: '明理律师事务所党支部', skills: ['法律', '调解', '跑腿代办'] },
  { key: 'resident-zhao', name: '赵秀兰', role: 'resident', phone: '13800000021', building: '1号楼', room: '1单元101', elderly: true },
  { key: 'resident-sun', name: '孙丽', role: 'resident', phone: '13800000022', building: '2号楼', room: '2单元402' },
  { key: 'resident-zhou', name: '周强', role: 'resident', phone: '13800000023', building: '4号楼', room: '1单元603' },
  { key: 'resident-wu', name: '吴敏', role: 'resident', phone: '13800000024', building: '6号楼', room: '2单元205' },
  { key: 'resident-zheng', name: '郑小华', role: 'resident', phone: '13800000025', building: '7号楼', room: '1单元1102' },
  { key: 'staff-other', name: '马文（文化里社区）', role: 'staff', phone: '13800000031', building: '文化里社区居委会', room: '网格员', communityId: OTHER_COMMUNITY._id },
];

export interface DemoCategory {
  name: string;
  kind: CategoryKind;
  items: Array<{ title: string; description: string; skills: Skill[]; durationMinutes: number; monthlyQuota?: number }>;
}

/** 7 regular and 5 featured categories, each with published items. */
export const DEMO_MENU: DemoCategory[] = [
  { name: '家电维修', kind: 'regular', items: [
    { title: '小家电维修', description: '电饭煲、电风扇、吹风机等小家电的检测与维修，材料费按实收取。', skills: ['家电维修'], durationMinutes: 60 },
    { title: '水电小修', description: '水龙头漏水、灯具更换、开关插座检修。', skills: ['水电维修'], durationMinutes: 60, monthlyQuota: 30 },
  ] },
  { name: '楼道保洁', kind: 'regular', items: [
    { title: '楼道清扫', description: '楼道杂物清理与公共区域清扫。', skills: ['保洁'], durationMinutes: 90 },
  ] },
  { name: '孤老慰问', kind: 'regular', items: [
    { title: '上门陪伴', description: '为独居老人上门聊天、读报、陪同散步。', skills: ['陪伴照护'], durationMinutes: 120 },
  ] },
  { name: '民事调解', kind: 'regular', items: [
    { title: '邻里纠纷调解', description: '噪音、漏水、停车等邻里矛盾的调解。', skills: ['调解'], durationMinutes: 90 },
  ] },
  { name: '代买代办', kind: 'regular', items: [
    { title: '代买药品和生活用品', description: '为行动不便的居民代买药品、米面粮油。', skills: ['跑腿代办'], durationMinutes: 60 },
  ] },
  { name: '健康咨询', kind: 'regular', items: [
    { title: '血压血糖测量', description: '上门测量血压血糖并建立健康记录。', skills: ['医疗健康'], durationMinutes: 30, monthlyQuota: 40 },
  ] },
  { name: '法律咨询', kind: 'regular', items: [
    { title: '法律咨询', description: '遗产继承、租赁合同、劳动纠纷等法律问题咨询。', skills: ['法律'], durationMinutes: 60 },
  ] },
  { name: '四点半课堂', kind: 'featured', items: [
    { title: '作业辅导', description: '放学后为小学生提供作业辅导，家长下班前接回。', skills: ['教育辅导'], durationMinutes: 120, monthlyQuota: 20 },
  ] },
  { name: '中医义诊', kind: 'featured', items: [
    { title: '中医问诊推拿', description: '社区卫生服务站中医师上门问诊、推拿理疗。', skills: ['医疗健康'], durationMinutes: 60, monthlyQuota: 15 },
  ] },
  { name: '义务理发', kind: 'featured', items: [
    { title: '上门理发', description: '为卧床或行动不便的老人上门理发。', skills: ['陪伴照护'], durationMinutes: 45 },
  ] },
  { name: '心理疏导', kind: 'featured', items: [
    { title: '心理疏导', description: '为独居老人和困难家庭提供心理陪伴与疏导。', skills: ['陪伴照护'], durationMinutes: 60 },
  ] },
  { name: '文艺培训', kind: 'featured', items: [
    { title: '合唱与广场舞教学', description: '社区文艺骨干带领的合唱和广场舞教学。', skills: ['文艺'], durationMinutes: 90 },
  ] },
];
