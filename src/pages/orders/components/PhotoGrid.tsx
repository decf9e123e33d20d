import Taro from '@tarojs/taro';
import { Image, Text, View } from '@tarojs/components';
import { photoSrc } from '../../../services';
import './orders.scss';

export interface PhotoGridProps {
  /** Stored file ids (cloud://… or local://…). */
  photos: readonly string[];
  onRemove?: (index: number) => void;
  /** Shown as an extra "+" cell while there is room. */
  onAdd?: () => void;
  max?: number;
  adding?: boolean;
}

/** Thumbnails of stored photos; a tap opens them full size. */
export const PhotoGrid = ({ photos, onRemove, onAdd, max = 6, adding = false }: PhotoGridProps) => {
  const urls = photos.map(photoSrc);
  return (
    <View className="photo-grid">
      {urls.map((url, index) => (
        <View key={photos[index]} className="photo-grid__cell">
          <Image
            className="photo-grid__image"
            src={url}
            mode="aspectFill"
            onClick={() => void Taro.previewImage({ urls, current: url }).catch(() => undefined)}
          />
          {onRemove ? (
            <View className="photo-grid__remove" onClick={() => onRemove(index)}>
              <Text>×</Text>
            </View>
          ) : null}
        </View>
      ))}
      {onAdd && photos.length < max ? (
        <View className="photo-grid__cell photo-grid__add" onClick={adding ? undefined : onAdd}>
          <Text className="photo-grid__plus">+</Text>
          <Text>{adding ? '上传中…' : `添加照片 ${photos.length}/${max}`}</Text>
        </View>
      ) : null}
    </View>
  );
};
