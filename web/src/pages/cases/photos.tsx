import { App, Image, Space, Upload, type UploadFile } from 'antd';
import { useState } from 'react';
import { errorText, upload } from '../../api/client';
import { useI18n } from '../../app/i18n';

/** POST /files answers photoUploadResponse. */
interface Uploaded { id: string; contentType: string; size: number }
export type PhotoList = UploadFile<Uploaded>[];

export const fileUrl = (id: string) => `/api/v1/files/${id}`;
const accepted = ['image/jpeg', 'image/png', 'image/webp'];
const maxBytes = 10 * 1024 * 1024;

/** The ids of the photos uploaded so far. */
export const photoIdsOf = (list: PhotoList | undefined) => (list ?? []).filter((f) => f.status === 'done' && f.response).map((f) => f.response!.id);
export const stillUploading = (list: PhotoList | undefined) => (list ?? []).some((f) => f.status === 'uploading');

/** Picks photos and uploads each at once (POST /files); used as a Form.Item child with valuePropName="fileList". */
export function PhotoUpload({ fileList, onChange, max = 9 }: { fileList?: PhotoList; onChange?(list: PhotoList): void; max?: number }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [preview, setPreview] = useState<string | null>(null);
  const list = fileList ?? [];
  return (
    <>
      <Upload<Uploaded>
        listType="picture-card"
        accept={accepted.join(',')}
        multiple
        fileList={list}
        onChange={(info) => onChange?.(info.fileList)}
        beforeUpload={(file) => {
          const problem = !accepted.includes(file.type) ? t('photoType') : file.size > maxBytes ? t('photoTooBig') : null;
          if (!problem) return true;
          void message.error(problem);
          return Upload.LIST_IGNORE;
        }}
        customRequest={({ file, onSuccess, onError }) => {
          upload<Uploaded>('/files', file as File)
            .then((r) => onSuccess?.(r))
            .catch((e: unknown) => {
              message.error(errorText(e));
              onError?.(e as Error);
            });
        }}
        onPreview={(f) => setPreview(f.response ? fileUrl(f.response.id) : (f.thumbUrl ?? f.url ?? null))}
      >
        {list.length < max && <div data-testid="add-photo">+<div style={{ marginTop: 4 }}>{t('addPhoto')}</div></div>}
      </Upload>
      {preview && <Image style={{ display: 'none' }} src={preview} preview={{ visible: true, src: preview, onVisibleChange: (v) => !v && setPreview(null) }} />}
    </>
  );
}

/** Thumbnails of stored photos; a click enlarges them (with the others of the group a swipe away). */
export function Photos({ ids, size = 72 }: { ids: string[]; size?: number }) {
  if (ids.length === 0) return null;
  return (
    <Image.PreviewGroup>
      <Space wrap size={6}>
        {ids.map((id) => (
          <Image key={id} src={fileUrl(id)} width={size} height={size} style={{ objectFit: 'cover', borderRadius: 4 }} alt="" />
        ))}
      </Space>
    </Image.PreviewGroup>
  );
}
