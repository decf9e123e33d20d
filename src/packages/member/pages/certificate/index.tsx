import Taro from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import { Canvas, Image, Text, View } from '@tarojs/components';
import { useEffect, useState, type ReactNode } from 'react';
import type { CertificateOutput } from '../../../../../types/hours';
import { ChoiceChips, ErrorState, LoadingState, PageShell } from '../../../../components';
import { certificateLayout, certificateSvg, type CertificateLayout } from '../../../../lib/certificateLayout';
import { formatShanghai } from '../../../../lib/shanghai';
import { useRemote } from '../../../../lib/useRemote';
import { call } from '../../../../services';
import { drawCertificate, type Context2d } from '../../lib/drawCertificate';
import './index.scss';

type Period = 'thisYear' | 'lastYear';
const PERIODS = [
  { value: 'thisYear', label: '今年' },
  { value: 'lastYear', label: '去年' },
] as const;

/** 今年: January up to this month; 去年: the whole of last year (Shanghai calendar). */
const rangeOf = (period: Period) => {
  const thisMonth = formatShanghai(Date.now(), 'YYYY-MM');
  const year = Number(thisMonth.slice(0, 4));
  return period === 'thisYear' ? { from: `${year}-01`, to: thisMonth } : { from: `${year - 1}-01`, to: `${year - 1}-12` };
};

const fileNameOf = (cert: CertificateOutput) => `志愿服务证明-${cert.name}-${cert.from}至${cert.to}.png`;

/** h5: the SVG itself is the picture shown (crisp, and its text is readable by tests and screen readers). */
const svgDataUrl = (layout: CertificateLayout) => `data:image/svg+xml;charset=utf-8,${encodeURIComponent(certificateSvg(layout))}`;

/** h5: the same commands drawn at twice the size onto a canvas, downloaded as a PNG. */
const downloadPng = (layout: CertificateLayout, fileName: string) => {
  const canvas = document.createElement('canvas');
  canvas.width = layout.width * 2;
  canvas.height = layout.height * 2;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('canvas');
  ctx.scale(2, 2);
  drawCertificate(ctx as unknown as Context2d, layout);
  const link = document.createElement('a');
  link.href = canvas.toDataURL('image/png');
  link.download = fileName;
  link.style.display = 'none';
  document.body.appendChild(link);
  link.click();
  link.remove();
};

interface CanvasNode {
  width: number;
  height: number;
  getContext(type: '2d'): Context2d & { scale(x: number, y: number): void };
}

/** weapp: draw on the page's 2d canvas, then turn it into a temporary image file. */
const drawInWeapp = async (layout: CertificateLayout): Promise<string> => {
  const node = await new Promise<CanvasNode>((resolve, reject) => {
    Taro.createSelectorQuery()
      .select('#cert-canvas')
      .fields({ node: true, size: true })
      .exec((res: Array<{ node?: CanvasNode } | null>) => (res[0]?.node ? resolve(res[0].node) : reject(new Error('canvas'))));
  });
  const ratio = 2;
  node.width = layout.width * ratio;
  node.height = layout.height * ratio;
  const ctx = node.getContext('2d');
  ctx.scale(ratio, ratio);
  drawCertificate(ctx, layout);
  const { tempFilePath } = await Taro.canvasToTempFilePath({ canvas: node as never, fileType: 'png' });
  return tempFilePath;
};

/** WeChat asks once for the album; after a refusal only the settings page can allow it again. */
const saveToAlbum = async (filePath: string) => {
  try {
    await Taro.saveImageToPhotosAlbum({ filePath });
    void Taro.showToast({ title: '已保存到相册', icon: 'success' });
  } catch (error) {
    const text = (error as { errMsg?: string }).errMsg ?? '';
    if (/auth|deny/.test(text)) {
      const { confirm } = await Taro.showModal({ title: '需要相册权限', content: '请在设置中允许“保存到相册”后再试。', confirmText: '去设置' });
      if (confirm) void Taro.openSetting();
    } else if (!/cancel/.test(text)) void Taro.showToast({ title: '保存失败，请重试', icon: 'none' });
  }
};

const CertificateView = ({ cert }: { cert: CertificateOutput }) => {
  const [layout] = useState(() => certificateLayout(cert));
  const [image, setImage] = useState<string | null>(process.env.TARO_ENV === 'h5' ? svgDataUrl(layout) : null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    if (process.env.TARO_ENV === 'h5') return;
    // The canvas is laid out after this render; draw on the next tick.
    const timer = setTimeout(() => {
      drawInWeapp(layout).then(setImage, () => setFailed(true));
    }, 50);
    return () => clearTimeout(timer);
  }, [layout]);

  const save = () => {
    if (process.env.TARO_ENV === 'h5') {
      try {
        downloadPng(layout, fileNameOf(cert));
        void Taro.showToast({ title: '图片已下载', icon: 'success' });
      } catch {
        void Taro.showToast({ title: '生成图片失败，请重试', icon: 'none' });
      }
    } else if (image) void saveToAlbum(image);
  };

  const share = () => {
    if (image) void Taro.showShareImageMenu({ path: image }).catch(() => undefined);
  };

  return (
    <>
      <View className="card cert-summary">
        <Text className="cert-summary__hours">{`${cert.hours} 小时`}</Text>
        <Text className="muted line">{`${cert.periodLabel} · ${cert.services.length} 项服务`}</Text>
      </View>
      {process.env.TARO_ENV === 'h5' ? null : (
        // Drawn off screen at the layout's size; the picture shown is the file made from it.
        <Canvas type="2d" id="cert-canvas" className="cert-canvas" style={{ width: `${layout.width}px`, height: `${layout.height}px` }} />
      )}
      {failed ? <Text className="muted line">证明图片生成失败，请返回后重试。</Text> : null}
      {image ? (
        <Image className="cert-image" src={image} mode="widthFix" showMenuByLongpress />
      ) : failed ? null : (
        <LoadingState text="正在生成证明图片…" />
      )}
      <View className="actions actions--stacked">
        <Button type="primary" block disabled={!image} onClick={save}>
          {process.env.TARO_ENV === 'h5' ? '保存图片' : '保存到相册'}
        </Button>
        {process.env.TARO_ENV === 'h5' ? null : (
          <Button block disabled={!image} onClick={share}>
            分享给好友
          </Button>
        )}
      </View>
    </>
  );
};

/** 志愿服务证明: the member's hours for a period as a picture to save or share. */
const CertificatePage = () => {
  const [period, setPeriod] = useState<Period>('thisYear');
  const cert = useRemote(() => call('points', 'hoursCertificate', rangeOf(period)), [period]);

  let body: ReactNode;
  const state = cert.state;
  if (state.status === 'loading') body = <LoadingState text="正在生成证明…" />;
  else if (state.status === 'error') body = <ErrorState error={state.error} onRetry={() => void cert.load()} />;
  else body = <CertificateView key={`${state.data.from}-${state.data.to}-${state.data.issuedAt}`} cert={state.data} />;

  return (
    <PageShell>
      <View className="card">
        <View className="card__title">证明期间</View>
        <ChoiceChips options={PERIODS} value={period} onChange={(value) => setPeriod(value as Period)} />
      </View>
      {body}
    </PageShell>
  );
};

export default CertificatePage;
