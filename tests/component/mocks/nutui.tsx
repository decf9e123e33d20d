/**
 * NutUI React Taro as plain DOM, keeping the parts of its API our code relies on: Input and
 * TextArea call onChange with the string value, Dialog renders only while visible with its
 * confirm/cancel texts, Switch calls onChange with the new boolean.
 */
import type { ReactNode } from 'react';

interface ButtonProps {
  children?: ReactNode;
  type?: string;
  disabled?: boolean;
  loading?: boolean;
  block?: boolean;
  size?: string;
  onClick?: () => void;
}

export const Button = ({ children, type, disabled, onClick }: ButtonProps) => (
  <button type="button" data-type={type} disabled={disabled} onClick={onClick}>
    {children}
  </button>
);

export const Cell = ({ title, description, extra, onClick }: { title?: ReactNode; description?: ReactNode; extra?: ReactNode; onClick?: () => void; clickable?: boolean }) => (
  <div className="cell" onClick={onClick}>
    <div>{title}</div>
    {description ? <div>{description}</div> : null}
    {extra ? <div>{extra}</div> : null}
  </div>
);

export const CellGroup = ({ title, children }: { title?: ReactNode; children?: ReactNode }) => (
  <section>
    {title ? <h2>{title}</h2> : null}
    {children}
  </section>
);

export const Tag = ({ children, className, background, color }: { children?: ReactNode; className?: string; background?: string; color?: string }) => (
  <span className={className} style={{ background, color }}>
    {children}
  </span>
);

export const Empty = ({ title, description }: { title?: ReactNode; description?: ReactNode; size?: string }) => (
  <div className="empty">
    {title ? <p>{title}</p> : null}
    {description ? <p>{description}</p> : null}
  </div>
);

interface DialogProps {
  visible?: boolean;
  title?: ReactNode;
  content?: ReactNode;
  confirmText?: ReactNode;
  cancelText?: ReactNode;
  disableConfirmButton?: boolean;
  onConfirm?: () => void | Promise<void>;
  onCancel?: () => void;
  onClose?: () => void;
}

/** Like NutUI's: confirm awaits onConfirm, then calls onClose; a rejection keeps it open. */
export const Dialog = ({ visible, title, content, confirmText = '确定', cancelText = '取消', disableConfirmButton, onConfirm, onCancel, onClose }: DialogProps) =>
  visible ? (
    <div role="dialog">
      <h3>{title}</h3>
      <div>{content}</div>
      <button type="button" onClick={onCancel}>
        {cancelText}
      </button>
      <button
        type="button"
        disabled={disableConfirmButton}
        onClick={() => {
          Promise.resolve()
            .then(() => onConfirm?.())
            .then(() => onClose?.(), () => undefined);
        }}
      >
        {confirmText}
      </button>
    </div>
  ) : null;

interface InputProps {
  value?: string;
  placeholder?: string;
  type?: string;
  maxLength?: number;
  disabled?: boolean;
  onChange?: (value: string) => void;
}

export const Input = ({ value, placeholder, maxLength, disabled, onChange }: InputProps) => (
  <input value={value} placeholder={placeholder} maxLength={maxLength} disabled={disabled} onChange={(e) => onChange?.(e.target.value)} />
);

export const TextArea = ({ value, placeholder, maxLength, disabled, onChange }: InputProps & { showCount?: boolean }) => (
  <textarea value={value} placeholder={placeholder} maxLength={maxLength} disabled={disabled} onChange={(e) => onChange?.(e.target.value)} />
);

export const Switch = ({ checked, onChange }: { checked?: boolean; onChange?: (value: boolean) => void }) => (
  <input type="checkbox" role="switch" checked={checked} onChange={(e) => onChange?.(e.target.checked)} />
);
