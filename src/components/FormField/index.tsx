import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';

export interface FormFieldProps {
  label: string;
  required?: boolean;
  /** The Chinese message from the schema or the server, shown under the input. */
  error?: string;
  hint?: string;
  children: ReactNode;
}

export const FormField = ({ label, required, error, hint, children }: FormFieldProps) => (
  <View className={`form-field${error ? ' form-field--invalid' : ''}`}>
    <View className="form-field__label">
      <Text>{label}</Text>
      {required ? <Text className="form-field__required">*</Text> : null}
    </View>
    <View className="form-field__control">{children}</View>
    {error ? <Text className="form-field__error">{error}</Text> : hint ? <Text className="form-field__hint">{hint}</Text> : null}
  </View>
);
