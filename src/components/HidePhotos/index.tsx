/**
 * Staff hide a photo by hand (a complaint, something WeChat's check let through): one 隐藏 button
 * per photo, numbered as the photos above it are shown, asked first with a reason (admin.hidePhoto, allowed to staff in
 * their own community and to the street admin). Not exported from components/index so the tab
 * pages do not carry it.
 */
import Taro from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { HidePhotoInput } from '../../../types/admin';
import { call, messageOf } from '../../services';
import { fieldErrorsOf } from '../../lib/fieldErrors';
import { ReasonDialog } from '../../pages/orders/components/ReasonDialog';
import './hidePhotos.scss';

export interface HidePhotosProps {
  refType: 'order' | 'wish';
  refId: string;
  fileIds: readonly string[];
  /** After a photo is hidden: read the record again (the photo is gone from it). */
  onHidden: () => void;
}

export const HidePhotos = ({ refType, refId, fileIds, onHidden }: HidePhotosProps) => {
  const [hiding, setHiding] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (fileIds.length === 0) return null;
  return (
    <View className="card hide-photos">
      <View className="card__title">照片管理</View>
      <Text className="muted line">照片内容不妥（如泄露隐私、不文明）时可隐藏，隐藏后所有人都看不到。照片按上方显示的顺序编号。</Text>
      <View className="hide-photos__buttons">
        {fileIds.map((fileId, index) => (
          <Button key={fileId} type="default" size="small" disabled={busy} onClick={() => setHiding(fileId)}>
            {`隐藏第${index + 1}张照片`}
          </Button>
        ))}
      </View>
      <ReasonDialog
        visible={hiding !== null}
        title="隐藏照片"
        message="确认隐藏这张照片？隐藏后居民、党员和工作人员都将看不到它，且不能恢复。"
        label="隐藏原因"
        placeholder="如：照片含有居民门牌等隐私信息"
        confirmText="确认隐藏"
        required
        busy={busy}
        validate={(reason) => {
          const parsed = HidePhotoInput.safeParse({ refType, refId, fileId: hiding ?? '', reason: reason.trim() });
          return parsed.success ? null : (fieldErrorsOf(parsed.error.issues).reason ?? '请填写隐藏原因');
        }}
        onConfirm={async (reason) => {
          if (!hiding) return true;
          setBusy(true);
          try {
            await call('admin', 'hidePhoto', { refType, refId, fileId: hiding, reason });
            void Taro.showToast({ title: '照片已隐藏', icon: 'success' });
            onHidden();
            return true;
          } catch (error) {
            void Taro.showToast({ title: messageOf(error), icon: 'none' });
            return false;
          } finally {
            setBusy(false);
          }
        }}
        onClose={() => setHiding(null)}
      />
    </View>
  );
};
