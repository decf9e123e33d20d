/**
 * What the demo community's year is made of: more neighbours who register along the way, what
 * residents ask for and how members report back, what wishes say, the activities of a month.
 */
import type { ActivityCategory } from '../../types/activities';
import type { BeneficiaryType, WishKind } from '../../types/wishes';
import type { Skill } from '../../types/users';

export type HistoryPerson = { key: string; name: string; phone: string; building: string; room: string; branch?: string; skills?: Skill[]; children?: number[] };

/** Residents who register over the year (not in the demo login list: their openids are not `demo-`). */
export const HISTORY_RESIDENTS: HistoryPerson[] = [
  { key: 'r01', name: '王桂芳', phone: '13811110001', building: '1号楼', room: '2单元302' },
  { key: 'r02', name: '刘德明', phone: '13811110002', building: '2号楼', room: '1单元501', children: [8] },
  { key: 'r03', name: '陈静', phone: '13811110003', building: '3号楼', room: '3单元102', children: [7, 10] },
  { key: 'r04', name: '杨建平', phone: '13811110004', building: '4号楼', room: '2单元701' },
  { key: 'r05', name: '黄淑珍', phone: '13811110005', building: '5号楼', room: '1单元201' },
  { key: 'r06', name: '徐海燕', phone: '13811110006', building: '6号楼', room: '3单元404', children: [9] },
  { key: 'r07', name: '孙志刚', phone: '13811110007', building: '7号楼', room: '2单元1002' },
  { key: 'r08', name: '马玉兰', phone: '13811110008', building: '8号楼', room: '1单元301' },
  { key: 'r09', name: '朱文斌', phone: '13811110009', building: '9号楼', room: '2单元603', children: [11] },
  { key: 'r10', name: '胡晓梅', phone: '13811110010', building: '10号楼', room: '1单元802' },
  { key: 'r11', name: '郭春生', phone: '13811110011', building: '11号楼', room: '3单元203' },
  { key: 'r12', name: '林佳', phone: '13811110012', building: '12号楼', room: '2单元1101', children: [6] },
  { key: 'r13', name: '何秀英', phone: '13811110013', building: '1号楼', room: '3单元601' },
  { key: 'r14', name: '高峰', phone: '13811110014', building: '3号楼', room: '1单元902', children: [12] },
  { key: 'r15', name: '罗美华', phone: '13811110015', building: '5号楼', room: '2单元402' },
];

/** Residents who report as party members (双报到) early in the year. */
export const HISTORY_MEMBERS: HistoryPerson[] = [
  { key: 'm01', name: '王志强', phone: '13822220001', building: '2号楼', room: '3单元201', branch: '区城管局机关党支部', skills: ['保洁', '跑腿代办'] },
  { key: 'm02', name: '李秀英', phone: '13822220002', building: '4号楼', room: '1单元402', branch: '翠屏小学党支部', skills: ['教育辅导', '文艺'] },
  { key: 'm03', name: '赵磊', phone: '13822220003', building: '6号楼', room: '2单元1201', branch: '国网供电所党支部', skills: ['水电维修', '家电维修'] },
  { key: 'm04', name: '黄丽娟', phone: '13822220004', building: '9号楼', room: '1单元101', branch: '假日润园社区第二党支部', skills: ['陪伴照护', '保洁', '调解'] },
  { key: 'm05', name: '周建华', phone: '13822220005', building: '11号楼', room: '2单元502', branch: '退休党员党小组', skills: ['文艺', '陪伴照护', '教育辅导'] },
  { key: 'm06', name: '吴海涛', phone: '13822220006', building: '12号楼', room: '1单元303', branch: '区人民法院党支部', skills: ['法律', '调解'] },
  { key: 'm07', name: '郑丽萍', phone: '13822220007', building: '3号楼', room: '2单元1001', branch: '翠屏街道卫生服务中心党支部', skills: ['医疗健康'] },
  { key: 'm08', name: '冯建军', phone: '13822220008', building: '7号楼', room: '3单元402', branch: '退休党员党小组', skills: ['家电维修', '跑腿代办'] },
  { key: 'm09', name: '韩梅', phone: '13822220009', building: '8号楼', room: '1单元1201', branch: '翠屏中学党支部', skills: ['教育辅导'] },
  { key: 'm10', name: '曹志勇', phone: '13822220010', building: '10号楼', room: '2单元601', branch: '物业公司党支部', skills: ['保洁', '水电维修'] },
];

/** What a member writes on completing an order, by category. */
export const SUMMARIES: Record<string, string[]> = {
  家电维修: ['更换了温控器，电饭煲恢复正常加热', '电风扇电机除尘上油，运转正常', '更换灯具镇流器，已调试', '水龙头阀芯更换，不再滴水'],
  楼道保洁: ['清理楼道杂物三袋，拖洗楼梯', '清除楼道小广告，擦拭扶手'],
  孤老慰问: ['陪老人聊天读报一小时，测量了血压', '陪同老人到社区卫生站复诊'],
  民事调解: ['双方当面沟通，约定晚十点后降低音量', '协调楼上修补防水，双方签字确认'],
  代买代办: ['代买降压药和米面油，已送到家', '代办社保认证，已完成'],
  健康咨询: ['测量血压血糖并记录，提醒按时服药', '讲解低盐饮食，建立健康档案'],
  法律咨询: ['解答遗产继承问题，提供法律援助指引', '审阅租房合同，提示违约条款'],
  四点半课堂: ['辅导数学作业，讲解应用题', '辅导语文阅读理解和作文'],
  中医义诊: ['中医问诊并推拿肩颈，建议热敷', '针对腰痛给出理疗建议'],
  义务理发: ['为卧床老人上门理发修面', '为老人理发并修剪指甲'],
  心理疏导: ['倾听老人心事，约定每周电话问候', '陪伴交流一小时，情绪明显好转'],
  文艺培训: ['教授合唱曲目一首，纠正发声', '带练广场舞新曲目'],
};

export const LOW_COMMENTS = ['等了很久才上门', '服务态度一般，问题没有彻底解决', '迟到了一个小时'];
export const GOOD_COMMENTS = ['非常耐心，谢谢！', '来得很准时，修得很好', '服务专业，点赞', '党员同志很热情', ''];

export type WishTemplate = { beneficiaryType: BeneficiaryType; kind: WishKind; title: string; content: string; value: number };

export const WISHES: WishTemplate[] = [
  { beneficiaryType: 'elderly', kind: 'material', title: '想要一台收音机', content: '老伴走后一个人在家，想听听戏曲和新闻。', value: 80 },
  { beneficiaryType: 'elderly', kind: 'companion', title: '希望有人陪我去公园走走', content: '腿脚不太方便，想在天气好的时候出去晒晒太阳。', value: 0 },
  { beneficiaryType: 'elderly', kind: 'service', title: '帮忙换一个厨房灯泡', content: '灯泡坏了，自己够不着，晚上做饭很不方便。', value: 20 },
  { beneficiaryType: 'elderly', kind: 'material', title: '想要一副老花镜', content: '看报纸看药品说明书都很吃力。', value: 60 },
  { beneficiaryType: 'child', kind: 'material', title: '想要一套课外读物', content: '孩子喜欢看书，想要一套适合三年级的科普读物。', value: 120 },
  { beneficiaryType: 'child', kind: 'material', title: '想要一个新书包', content: '书包背带坏了，开学想换一个新的。', value: 100 },
  { beneficiaryType: 'child', kind: 'service', title: '希望有人辅导英语', content: '家长不会英语，孩子英语跟不上，希望每周辅导一次。', value: 0 },
  { beneficiaryType: 'hardship', kind: 'material', title: '想要一台二手洗衣机', content: '家里洗衣机坏了修不好，一家四口衣服都靠手洗。', value: 300 },
  { beneficiaryType: 'hardship', kind: 'material', title: '冬天需要一床厚棉被', content: '家里被褥太薄，老人冬天夜里怕冷。', value: 150 },
  { beneficiaryType: 'disabled', kind: 'service', title: '希望有人帮忙推轮椅去医院', content: '每月要去医院复查一次，家里人上班没法陪同。', value: 0 },
  { beneficiaryType: 'disabled', kind: 'material', title: '想要一根助行拐杖', content: '原来的拐杖断了，出门很不方便。', value: 90 },
  { beneficiaryType: 'other', kind: 'companion', title: '希望有人教我用智能手机', content: '想学会用手机视频和孙子通话、挂号。', value: 0 },
];

export const FULFIL_NOTES = ['已送到老人家中，老人很高兴', '已完成，并约定下次再来看望', '物品已送达，家属签收', '已陪同完成，一切顺利'];

/** One activity of a month's menu: where it falls (the n-th weekday, or weekly). */
export type ActivityTemplate = {
  title: string;
  category: ActivityCategory;
  description: string;
  place: string;
  startTime: string;
  endTime: string;
  capacity: number;
  checkinRequired: boolean;
  waitlist: boolean;
  memberPoints: number;
  ages?: [number, number];
  /** Weekly on this weekday (1 = Monday); else once, on the `nth` occurrence of `weekday`. */
  weekly?: boolean;
  weekday: number;
  nth?: number;
  /** Only in these months (1–12). */
  months?: number[];
};

export const ACTIVITIES: ActivityTemplate[] = [
  { title: '中医夜市', category: 'tcm_night', description: '社区卫生服务站中医师坐诊，把脉问诊、艾灸推拿体验。', place: '社区文化广场', startTime: '19:00', endTime: '21:00', capacity: 20, checkinRequired: false, waitlist: false, memberPoints: 2, weekly: true, weekday: 1 },
  { title: '四点半课堂', category: 'after_school', description: '放学后作业辅导和阅读，家长下班前接回。', place: '党群服务中心二楼', startTime: '16:30', endTime: '18:00', capacity: 12, checkinRequired: true, waitlist: true, memberPoints: 3, ages: [6, 12], weekly: true, weekday: 4, months: [3, 4, 5, 6, 9, 10, 11, 12] },
  { title: '健康义诊', category: 'health_clinic', description: '区人民医院专家义诊：血压血糖测量、用药咨询。', place: '社区卫生服务站', startTime: '09:00', endTime: '11:30', capacity: 20, checkinRequired: true, waitlist: true, memberPoints: 5, weekday: 6, nth: 2 },
  { title: '智能手机课堂', category: 'public_class', description: '手把手教老年人用手机挂号、视频通话、防范诈骗。', place: '党群服务中心活动室', startTime: '14:30', endTime: '16:30', capacity: 15, checkinRequired: true, waitlist: true, memberPoints: 5, weekday: 3, nth: 3 },
  { title: '邻里文艺联欢', category: 'culture_sports', description: '广场舞、合唱和快板，邻里同乐。', place: '社区文化广场', startTime: '19:00', endTime: '20:30', capacity: 40, checkinRequired: false, waitlist: false, memberPoints: 3, weekday: 7, nth: 4 },
  { title: '暑期夏令营', category: 'summer_camp', description: '科学小实验、红色故事会和手工课。', place: '党群服务中心', startTime: '09:00', endTime: '16:00', capacity: 25, checkinRequired: true, waitlist: true, memberPoints: 8, ages: [7, 12], weekday: 2, nth: 2, months: [7, 8] },
];
