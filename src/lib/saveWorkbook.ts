import Taro from '@tarojs/taro';

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Browser (local mode): the workbook becomes a Blob and an `<a download>` saves it. */
const downloadInBrowser = (fileName: string, base64: string) => {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  const url = URL.createObjectURL(new Blob([bytes], { type: XLSX_MIME }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.appendChild(link);
  link.click();
  link.remove();
  // Revoked on the next tick: the download has started by then.
  setTimeout(() => URL.revokeObjectURL(url), 0);
};

/** WeChat: written to the user data folder, then opened so it can be forwarded or saved. */
const openInWeChat = async (fileName: string, base64: string) => {
  const filePath = `${Taro.env.USER_DATA_PATH}/${fileName}`;
  await new Promise<void>((resolve, reject) => {
    Taro.getFileSystemManager().writeFile({
      filePath,
      data: base64,
      encoding: 'base64',
      success: () => resolve(),
      fail: (error) => reject(error),
    });
  });
  await Taro.openDocument({ filePath, fileType: 'xlsx', showMenu: true });
};

/** Saves an exported .xlsx: a download in the browser, an opened document in WeChat. */
export const saveWorkbook = async (fileName: string, base64: string): Promise<void> => {
  if (process.env.TARO_ENV === 'h5') downloadInBrowser(fileName, base64);
  else await openInWeChat(fileName, base64);
};
