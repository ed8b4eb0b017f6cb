@echo off
rem Install drafter without any network: make .venv beside this file, install from wheels\,
rem then render the bundled sample to check.  Double-click it, or run install.bat in cmd.exe.
rem
rem cmd.exe rules kept here: CRLF line endings (offline-bundle.sh writes them; with LF only,
rem labels can be missed); no single quotes around arguments (cmd passes them on literally);
rem every step checked with "if errorlevel 1"; no ASCII parentheses inside echo in a block.
rem The Chinese messages need code page 65001 (UTF-8), set below and restored at the end: on
rem Windows 10/11 this works; where it does not, the messages look garbled but the commands,
rem which are ASCII except the sample's output name, still run - install.ps1 is the fallback.
setlocal
set "DRAFTER_OLDCP="
for /f "tokens=2 delims=:" %%a in ('chcp') do set "DRAFTER_OLDCP=%%a"
if defined DRAFTER_OLDCP set "DRAFTER_OLDCP=%DRAFTER_OLDCP: =%"
chcp 65001 >nul
set "HERE=%~dp0"
set "HERE=%HERE:~0,-1%"
set "RC=1"

set "PY="
where py >nul 2>nul
if errorlevel 1 goto :try_python
for %%v in (3.13 3.12 3.11) do (
  if not defined PY (
    py -%%v "%HERE%\check_python.py" >nul 2>nul
    if not errorlevel 1 set "PY=py -%%v"
  )
)
:try_python
if defined PY goto :found
python "%HERE%\check_python.py" >nul 2>nul
if not errorlevel 1 set "PY=python"
if defined PY goto :found
python "%HERE%\check_python.py" 2>nul
echo 错误：没有找到可用的 Python。请先安装 64 位的 Python @PY_HIGH@（或 @PYTHONS@ 中的任一版本），安装时勾选“Add python.exe to PATH”，然后重新运行本脚本。
goto :end

:found
%PY% "%HERE%\check_python.py"
echo 正在创建虚拟环境：%HERE%\.venv
%PY% -m venv "%HERE%\.venv"
if errorlevel 1 goto :venv_failed

echo 正在从 wheels 文件夹安装 drafter（不联网）……
rem --isolated ignores the user's pip settings and PIP_* variables; --no-index never goes online.
"%HERE%\.venv\Scripts\python.exe" -m pip --isolated --disable-pip-version-check install -q --no-index --find-links "%HERE%\wheels" drafter
if errorlevel 1 goto :install_failed

echo 正在用示例事实表生成初稿，检查安装是否成功……
"%HERE%\.venv\Scripts\drafter.exe" render "%HERE%\samples\edu-bureau-2024.yaml" -o "%HERE%\示例初稿.docx" --force
if errorlevel 1 goto :render_failed

echo.
echo 安装完成。以后在命令提示符中使用前，先运行（先 cd 到本文件夹）：
echo   .venv\Scripts\activate.bat
echo 然后就可以直接输入 drafter，例如：drafter render 事实表.yaml -o 初稿.docx --force
set "RC=0"
goto :end

:venv_failed
echo 错误：无法创建虚拟环境，见上面的信息。
goto :end
:install_failed
echo 错误：安装失败，见上面的信息。
goto :end
:render_failed
echo 错误：drafter 已安装，但生成示例初稿失败，见上面的信息。
goto :end

:end
if defined DRAFTER_OLDCP chcp %DRAFTER_OLDCP% >nul
rem Opened by a double-click, the window would close before anyone reads it.
echo %cmdcmdline% | find /i "%~nx0" >nul
if not errorlevel 1 pause
exit /b %RC%
