import { EMPTY_ITEM_FORM, validateItemForm, type ItemForm } from '../../src/packages/staff/components/itemForm';

const valid: ItemForm = {
  categoryId: 'cat1',
  title: '小家电维修',
  description: '电饭煲、电风扇的检测与维修',
  skills: ['家电维修'],
  duration: '60',
  quota: '',
};

describe('service item form', () => {
  it('turns text inputs into ServiceItemFields, an empty quota meaning unlimited', () => {
    expect(validateItemForm(valid)).toEqual({
      data: { categoryId: 'cat1', title: '小家电维修', description: '电饭煲、电风扇的检测与维修', skills: ['家电维修'], durationMinutes: 60, monthlyQuota: null },
      errors: {},
    });
    expect(validateItemForm({ ...valid, quota: '30' }).data?.monthlyQuota).toBe(30);
  });

  it('reports the schema’s Chinese messages per field', () => {
    const { data, errors } = validateItemForm({ ...EMPTY_ITEM_FORM, duration: '5', quota: '0' });
    expect(data).toBeNull();
    expect(errors).toEqual({
      categoryId: '请选择服务分类',
      title: '请填写服务名称',
      description: '请填写服务说明',
      durationMinutes: '预计时长（分钟）不能小于10',
      monthlyQuota: '每月名额不能小于1',
    });
  });

  it('asks for a duration when it is empty or not a number', () => {
    expect(validateItemForm({ ...valid, duration: '' }).errors.durationMinutes).toBe('请填写预计时长（分钟）');
    expect(validateItemForm({ ...valid, duration: '1.5' }).errors.durationMinutes).toBe('预计时长（分钟）须为整数');
  });
});
