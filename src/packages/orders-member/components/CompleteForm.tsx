import Taro from '@tarojs/taro';
import { Button, TextArea } from '@nutui/nutui-react-taro';
import { View } from '@tarojs/components';
import { useState } from 'react';
import { CompleteInput } from '../../../../types/orders';
import { FormField } from '../../../components';
import { ApiCallError, choosePhotos, isPickerCancel, messageOf, uploadPhoto, type ChosenPhoto } from '../../../services';
import { fieldErrorsOf, type FieldErrors } from '../../../lib/fieldErrors';
import { PhotoGrid } from '../../../pages/orders/components/PhotoGrid';

export const MAX_PHOTOS = 6;

export type CompleteData = ReturnType<typeof CompleteInput.parse>;

export interface CompleteFormProps {
  orderId: string;
  busy?: boolean;
  /** Sends the validated report; a rejection with per-field messages shows them here. */
  onSubmit: (data: CompleteData) => Promise<void>;
}


/** 完成服务: a short summary and up to six photos, uploaded as they are chosen. */
export const CompleteForm = ({ orderId, busy = false, onSubmit }: CompleteFormProps) => {
  const [summary, setSummary] = useState('');
  const [photos, setPhotos] = useState<string[]>([]);
  const [uploading, setUploading] = useState(false);
  const [errors, setErrors] = useState<FieldErrors>({});

  const addPhotos = async () => {
    if (uploading || photos.length >= MAX_PHOTOS) return;
    let chosen: ChosenPhoto[];
    try {
      chosen = await choosePhotos(MAX_PHOTOS - photos.length);
    } catch (error) {
      if (!isPickerCancel(error)) void Taro.showToast({ title: error instanceof ApiCallError ? error.message : '未能打开相册，请重试', icon: 'none' });
      return;
    }
    setUploading(true);
    try {
      for (const file of chosen) {
        const fileId = await uploadPhoto({ path: file.path, size: file.size });
        setPhotos((current) => (current.length < MAX_PHOTOS ? [...current, fileId] : current));
      }
      setErrors((e) => ({ ...e, photos: '' }));
    } catch (error) {
      void Taro.showToast({ title: messageOf(error), icon: 'none' });
    } finally {
      setUploading(false);
    }
  };

  const submit = async () => {
    const parsed = CompleteInput.safeParse({ orderId, summary, photos });
    if (!parsed.success) {
      setErrors(fieldErrorsOf(parsed.error.issues));
      return;
    }
    setErrors({});
    try {
      await onSubmit(parsed.data);
    } catch (error) {
      if (error instanceof ApiCallError && error.fields) {
        // "photos.2" → shown under the photos.
        const fields: FieldErrors = {};
        for (const [key, message] of Object.entries(error.fields)) fields[key.split('.')[0]] ??= message;
        setErrors(fields);
      }
    }
  };

  return (
    <View className="card">
      <View className="card__title">完成服务</View>
      <View className="form-card">
        <FormField label="服务小结" required error={errors.summary}>
          <TextArea
            value={summary}
            placeholder="如：更换了电饭煲温控器，已试用正常"
            maxLength={200}
            showCount
            onChange={(value) => {
              setSummary(value);
              setErrors((e) => ({ ...e, summary: '' }));
            }}
          />
        </FormField>
        <FormField label="服务照片" error={errors.photos} hint={`选填，最多${MAX_PHOTOS}张`}>
          <PhotoGrid
            photos={photos}
            max={MAX_PHOTOS}
            adding={uploading}
            onAdd={() => void addPhotos()}
            onRemove={(index) => setPhotos((current) => current.filter((_, i) => i !== index))}
          />
        </FormField>
      </View>
      <Button type="primary" block loading={busy} disabled={busy || uploading} onClick={() => void submit()}>
        完成服务
      </Button>
    </View>
  );
};
