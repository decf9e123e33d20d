import { Button, TextArea } from '@nutui/nutui-react-taro';
import { View } from '@tarojs/components';
import { useState } from 'react';
import { RATING_TAGS } from '../../../../types/constants/orders';
import { ChoiceChips, FormField, StarRating } from '../../../components';
import { ApiCallError } from '../../../services';
import type { FieldErrors } from '../../../lib/fieldErrors';
import { EMPTY_RATING_FORM, STAR_LABELS, validateRatingForm, type RateData, type RatingForm } from './ratingForm';
import './orders.scss';

const TAG_OPTIONS = RATING_TAGS.map((tag) => ({ value: tag, label: tag }));

export interface RatingInputProps {
  /** Sends the validated rating; a rejection with per-field messages shows them here. */
  onSubmit: (data: RateData) => Promise<void>;
  busy?: boolean;
}

/** 评菜: five big stars, optional tags (准时/专业/热情/耐心) and a comment of at most 200 characters. */
export const RatingInput = ({ onSubmit, busy = false }: RatingInputProps) => {
  const [form, setForm] = useState<RatingForm>(EMPTY_RATING_FORM);
  const [errors, setErrors] = useState<FieldErrors>({});

  const submit = async () => {
    const { data, errors: found } = validateRatingForm(form);
    setErrors(found);
    if (!data || busy) return;
    try {
      await onSubmit(data);
    } catch (error) {
      if (error instanceof ApiCallError && error.fields) setErrors(error.fields);
    }
  };

  return (
    <View className="card rating-input">
      <View className="card__title">为这次服务打分</View>
      <View className="form-card">
        <FormField label="评分" required error={errors.stars}>
          <StarRating
            value={form.stars}
            labelOf={(stars) => `${stars}星 · ${STAR_LABELS[stars]}`}
            onChange={(n) => {
              setForm((f) => ({ ...f, stars: n }));
              setErrors((e) => ({ ...e, stars: '' }));
            }}
          />
        </FormField>
        <FormField label="服务印象" error={errors.tags} hint="可多选">
          <ChoiceChips multiple options={TAG_OPTIONS} value={form.tags} onChange={(tags) => setForm((f) => ({ ...f, tags }))} />
        </FormField>
        <FormField label="评价" error={errors.comment}>
          <TextArea
            value={form.comment}
            placeholder="说说这次服务（选填）"
            maxLength={200}
            showCount
            onChange={(comment) => {
              setForm((f) => ({ ...f, comment }));
              setErrors((e) => ({ ...e, comment: '' }));
            }}
          />
        </FormField>
      </View>
      <Button type="primary" block loading={busy} disabled={busy} onClick={() => void submit()}>
        提交评价
      </Button>
    </View>
  );
};
