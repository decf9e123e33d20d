import Taro from '@tarojs/taro';
import { Image, Text, View } from '@tarojs/components';
import { useState } from 'react';
import { ApiCallError, choosePhotos, isPickerCancel, messageOf, photoSrc, uploadPhoto } from '../../../services';

export interface PhotoPickerProps {
  value: readonly string[];
  max: number;
  onChange: (fileIds: string[]) => void;
  disabled?: boolean;
}


/**
 * Photos chosen with the camera or album and uploaded at once, so the form holds only the file ids
 * the functions accept. Up to `max`; each can be removed before submitting.
 */
export const PhotoPicker = ({ value, max, onChange, disabled = false }: PhotoPickerProps) => {
  const [uploading, setUploading] = useState(false);

  const choose = async () => {
    if (disabled || uploading || value.length >= max) return;
    let files: Array<{ path: string; size: number }>;
    try {
      files = await choosePhotos(max - value.length);
    } catch (error) {
      if (!isPickerCancel(error)) void Taro.showToast({ title: error instanceof ApiCallError ? error.message : '无法选择照片，请重试', icon: 'none' });
      return;
    }
    if (files.length === 0) return;
    setUploading(true);
    const uploaded: string[] = [];
    try {
      for (const file of files) uploaded.push(await uploadPhoto(file));
    } catch (error) {
      void Taro.showToast({ title: messageOf(error), icon: 'none' });
    } finally {
      setUploading(false);
      if (uploaded.length > 0) onChange([...value, ...uploaded]);
    }
  };

  const remove = (fileId: string) => () => {
    if (!disabled && !uploading) onChange(value.filter((id) => id !== fileId));
  };

  return (
    <View className="photo-picker">
      {value.map((fileId) => (
        <View key={fileId} className="photo-picker__item">
          <Image className="photo-picker__image" src={photoSrc(fileId)} mode="aspectFill" />
          <View className="photo-picker__remove" onClick={remove(fileId)}>
            <Text>删除</Text>
          </View>
        </View>
      ))}
      {value.length < max ? (
        <View className={`photo-picker__add${disabled ? ' photo-picker__add--disabled' : ''}`} onClick={() => void choose()}>
          <Text className="photo-picker__plus">{uploading ? '…' : '+'}</Text>
          <Text>{uploading ? '上传中' : '添加照片'}</Text>
        </View>
      ) : null}
    </View>
  );
};

/** Stored photos in a row; a tap opens them full screen. */
export const PhotoStrip = ({ fileIds }: { fileIds: readonly string[] }) => {
  if (fileIds.length === 0) return null;
  const urls = fileIds.map(photoSrc);
  return (
    <View className="photo-picker">
      {urls.map((url) => (
        <View key={url} className="photo-picker__item" onClick={() => void Taro.previewImage({ urls, current: url })}>
          <Image className="photo-picker__image" src={url} mode="aspectFill" />
        </View>
      ))}
    </View>
  );
};
