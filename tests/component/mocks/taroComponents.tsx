/** @tarojs/components as plain DOM: View → div, Text → span. Taro's onClick maps to the DOM's. */
import type { ReactNode } from 'react';

interface BoxProps {
  children?: ReactNode;
  className?: string;
  id?: string;
  onClick?: () => void;
}

export const View = ({ children, className, id, onClick }: BoxProps) => (
  <div className={className} id={id} onClick={onClick}>
    {children}
  </div>
);

export const Text = ({ children, className }: BoxProps) => <span className={className}>{children}</span>;

/** Image → img (the activity check-in QR is a data URL). */
export const Image = ({ src, className }: { src: string; className?: string; mode?: string }) => <img className={className} src={src} alt="" />;
