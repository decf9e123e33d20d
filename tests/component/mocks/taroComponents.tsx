/** @tarojs/components as plain DOM: View → div, Text → span. Taro's onClick maps to the DOM's. */
import type { CSSProperties, ReactNode } from 'react';

interface BoxProps {
  children?: ReactNode;
  className?: string;
  id?: string;
  onClick?: () => void;
  /** Bars drawn with views carry their length here. */
  style?: CSSProperties;
}

export const View = ({ children, className, id, onClick, style }: BoxProps) => (
  <div className={className} id={id} onClick={onClick} style={style}>
    {children}
  </div>
);

/** ScrollView → a div (scrolling is the browser tests' business). */
export const ScrollView = ({ children, className }: BoxProps & Record<string, unknown>) => <div className={className}>{children}</div>;

export const Text = ({ children, className }: BoxProps) => <span className={className}>{children}</span>;

/** Image → img (the activity check-in QR is a data URL). */
export const Image = ({ src, className }: { src: string; className?: string; mode?: string }) => <img className={className} src={src} alt="" />;
