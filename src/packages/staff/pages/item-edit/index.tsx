import Taro, { useRouter } from '@tarojs/taro';
import { Button, Input, TextArea } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import { useCallback, useEffect, useState } from 'react';
import type { ItemStatus, ServiceCategory, ServiceItem } from '../../../../../types/menu';
import { CATEGORY_KIND_LABELS, CATEGORY_KINDS, ITEM_STATUS_LABELS } from '../../../../../types/constants/menu';
import { SKILLS } from '../../../../../types/constants/users';
import { ChoiceChips, ErrorState, FormField, ItemStatusTag, LoadingState, PageShell } from '../../../../components';
import { ApiCallError, call, messageOf } from '../../../../services';
import type { FieldErrors } from '../../../../lib/fieldErrors';
import { formatDateTime } from '../../../../lib/time';
import { EMPTY_ITEM_FORM, itemFormOf, validateItemForm, type ItemForm } from '../../components/itemForm';
import { ITEM_ACTION_LABELS, ItemStatusActions } from '../../components/ItemStatusActions';

const SKILL_OPTIONS = SKILLS.map((skill) => ({ value: skill, label: skill }));

type LoadState = { status: 'loading' } | { status: 'ready' } | { status: 'error'; error: unknown };

const ItemEditPage = () => {
  const { params } = useRouter();
  const initialId = params.id ? decodeURIComponent(params.id) : null;
  const [load, setLoad] = useState<LoadState>({ status: 'loading' });
  const [categories, setCategories] = useState<ServiceCategory[]>([]);
  const [item, setItem] = useState<ServiceItem | null>(null);
  const [form, setForm] = useState<ItemForm>(EMPTY_ITEM_FORM);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);

  const fetchAll = useCallback(async () => {
    setLoad({ status: 'loading' });
    try {
      const [{ items }, existing] = await Promise.all([
        call('orders', 'listCategories', {}),
        initialId ? call('orders', 'getItem', { itemId: initialId }) : Promise.resolve(null),
      ]);
      setCategories(items);
      setItem(existing);
      if (existing) setForm(itemFormOf(existing));
      setLoad({ status: 'ready' });
    } catch (error) {
      setLoad({ status: 'error', error });
    }
  }, [initialId]);

  useEffect(() => {
    void fetchAll();
  }, [fetchAll]);

  useEffect(() => {
    void Taro.setNavigationBarTitle({ title: item ? '编辑服务' : '新建服务' });
  }, [item]);

  const set = <K extends keyof ItemForm>(field: K) => (value: ItemForm[K]) => {
    setForm((current) => ({ ...current, [field]: value }));
    setErrors((current) => ({ ...current, [field === 'duration' ? 'durationMinutes' : field === 'quota' ? 'monthlyQuota' : field]: '' }));
  };

  const save = async () => {
    const { data, errors: found } = validateItemForm(form);
    setErrors(found);
    if (!data || busy) return;
    setBusy(true);
    try {
      const saved = item ? await call('orders', 'updateItem', { itemId: item._id, ...data }) : await call('orders', 'createItem', data);
      setItem(saved);
      setForm(itemFormOf(saved));
      void Taro.showToast({ title: item ? '已保存' : '已创建为草稿', icon: 'success' });
    } catch (error) {
      if (error instanceof ApiCallError && error.fields) setErrors(error.fields);
      void Taro.showToast({ title: messageOf(error), icon: 'none' });
    } finally {
      setBusy(false);
    }
  };

  const changeStatus = async (to: ItemStatus) => {
    if (!item || busy) return;
    setBusy(true);
    try {
      const updated = await call('orders', 'setItemStatus', { itemId: item._id, status: to });
      setItem(updated);
      void Taro.showToast({ title: `已${ITEM_ACTION_LABELS[to]}`, icon: 'success' });
    } catch (error) {
      void Taro.showToast({ title: messageOf(error), icon: 'none' });
      // A CONFLICT means someone else moved it; show the state as it is now.
      if (error instanceof ApiCallError && error.code === 'CONFLICT') void fetchAll();
    } finally {
      setBusy(false);
    }
  };

  if (load.status === 'loading') return <PageShell><LoadingState /></PageShell>;
  if (load.status === 'error') {
    return (
      <PageShell>
        <ErrorState error={load.error} onRetry={() => void fetchAll()} />
      </PageShell>
    );
  }

  const archived = item?.status === 'archived';

  return (
    <PageShell>
      {item ? (
        <View className="card">
          <View className="card__title">
            <Text>{item.title}</Text>
            <ItemStatusTag status={item.status} />
          </View>
          <Text className="muted line">最近更新：{formatDateTime(item.updatedAt)}</Text>
          {archived ? (
            <Text className="muted line">已归档的服务不能修改或重新上架。</Text>
          ) : (
            <ItemStatusActions status={item.status} busy={busy} onChange={(to) => void changeStatus(to)} />
          )}
        </View>
      ) : (
        <View className="card">
          <View className="card__title">新建服务</View>
          <Text className="muted">保存后为“{ITEM_STATUS_LABELS.draft}”，上架后居民才能在菜单中看到。</Text>
        </View>
      )}

      <View className="form-card">
        <FormField label="服务分类" required error={errors.categoryId}>
          {categories.length === 0 ? (
            <Text className="muted">还没有服务分类</Text>
          ) : (
            CATEGORY_KINDS.map((kind) => {
              const options = categories.filter((c) => c.kind === kind).map((c) => ({ value: c._id, label: c.name }));
              return options.length === 0 ? null : (
                <View key={kind} className="chip-group">
                  <Text className="muted">{CATEGORY_KIND_LABELS[kind]}</Text>
                  <ChoiceChips options={options} value={form.categoryId || null} onChange={archived ? () => undefined : set('categoryId')} />
                </View>
              );
            })
          )}
        </FormField>
        <FormField label="服务名称" required error={errors.title}>
          <Input value={form.title} placeholder="如：小家电维修" maxLength={20} disabled={archived} onChange={set('title')} />
        </FormField>
        <FormField label="服务说明" required error={errors.description}>
          <TextArea
            value={form.description}
            placeholder="服务内容、注意事项"
            maxLength={300}
            showCount
            disabled={archived}
            onChange={set('description')}
          />
        </FormField>
        <FormField label="所需技能" error={errors.skills} hint="派单和抢单时按技能匹配党员志愿者">
          <ChoiceChips multiple options={SKILL_OPTIONS} value={form.skills} onChange={archived ? () => undefined : set('skills')} />
        </FormField>
        <FormField label="预计时长（分钟）" required error={errors.durationMinutes}>
          <Input value={form.duration} type="number" placeholder="10～600" maxLength={3} disabled={archived} onChange={set('duration')} />
        </FormField>
        <FormField label="每月名额" error={errors.monthlyQuota} hint="不填表示不限">
          <Input value={form.quota} type="number" placeholder="不限" maxLength={5} disabled={archived} onChange={set('quota')} />
        </FormField>
      </View>

      {archived ? null : (
        <View className="sticky-actions">
          <Button type="primary" block loading={busy} disabled={busy} onClick={() => void save()}>
            {item ? '保存修改' : '保存'}
          </Button>
        </View>
      )}
    </PageShell>
  );
};

export default ItemEditPage;
