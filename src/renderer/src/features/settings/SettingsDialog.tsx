import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, THEMES, type Settings } from '../../../../shared/contract/domain';
import { Modal } from '../../components/Modal';
import { languageEndonym, resolveLanguage } from '../../i18n/language';
import { useAppStore } from '../../store/AppStoreProvider';

/** Language and theme; every change is stored by the core and applied at once. */
export function SettingsDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const languageId = useId();
  const themeId = useId();
  const hintId = useId();
  const settings = useAppStore((state) => state.settings);
  const updateSettings = useAppStore((state) => state.updateSettings);
  const systemLanguage = languageEndonym(resolveLanguage('system'));

  return (
    <Modal title={t('settings.title')} onClose={onClose} describedBy={hintId}>
      <div className="modal__form">
        <div className="field">
          <label htmlFor={languageId} className="field__label">
            {t('settings.language')}
          </label>
          <select
            id={languageId}
            className="field__input"
            value={settings.language}
            onChange={(event) => void updateSettings({ language: event.target.value as Settings['language'] })}
            data-autofocus
          >
            {LANGUAGES.map((language) => (
              <option key={language} value={language}>
                {t(`settings.languageOptions.${language}`, { language: systemLanguage })}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={themeId} className="field__label">
            {t('settings.theme')}
          </label>
          <select
            id={themeId}
            className="field__input"
            value={settings.theme}
            onChange={(event) => void updateSettings({ theme: event.target.value as Settings['theme'] })}
          >
            {THEMES.map((theme) => (
              <option key={theme} value={theme}>
                {t(`settings.themeOptions.${theme}`)}
              </option>
            ))}
          </select>
        </div>
        <p id={hintId} className="field__hint">
          {t('settings.savedHint')}
        </p>
        <div className="modal__actions">
          <button type="button" className="button button--primary" onClick={onClose}>
            {t('dialogs.close')}
          </button>
        </div>
      </div>
    </Modal>
  );
}
